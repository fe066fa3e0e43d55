namespace EdgeNet.Cli.Output;

/// <summary>The check of a command's only output file: an <see cref="OutputPlan"/> of one.</summary>
internal static class OutputPath
{
    /// <summary>
    /// Checks <paramref name="file"/> as <see cref="OutputPlan.Output(FileInfo?, string)"/> does, and that it is none of
    /// <paramref name="inputs"/>; null when not given.
    /// </summary>
    public static string? Check(FileInfo? file, string optionName, params (FileInfo? File, string Option)[] inputs)
    {
        var plan = new OutputPlan();
        foreach ((FileInfo? input, string option) in inputs)
        {
            plan.Input(input, option);
        }
        return plan.Output(file, optionName);
    }
}
