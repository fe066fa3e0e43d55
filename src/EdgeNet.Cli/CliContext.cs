namespace EdgeNet.Cli;

/// <summary>Where a command writes: standard output for results, standard error for the one-line errors.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error)
{
    /// <summary>True when output goes to a real terminal (live progress is then shown).</summary>
    /// <remarks>
    /// A closed standard output (<c>edgenet train &gt;&amp;-</c>) is not interactive, and no error.
    /// </remarks>
    public bool IsInteractive
    {
        get
        {
            try
            {
                return !Console.IsOutputRedirected && ReferenceEquals(Out, Console.Out);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }
}
