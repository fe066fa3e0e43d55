namespace EdgeNet.Cli.Output;

/// <summary>The check of a command's only output file: an <see cref="OutputPlan"/> of one.</summary>
internal static class OutputPath
{
    /// <summary>Checks <paramref name="file"/> as <see cref="OutputPlan.Output(FileInfo?, string)"/> does; null when not given.</summary>
    public static string? Check(FileInfo? file, string optionName) => new OutputPlan().Output(file, optionName);
}
