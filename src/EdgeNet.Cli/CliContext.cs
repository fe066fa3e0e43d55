namespace EdgeNet.Cli;

/// <summary>Where a command writes: standard output for results, standard error for the one-line errors.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>True when output goes to a real terminal (live progress is then shown).</summary>
    public bool IsInteractive => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;
}
