namespace EdgeNet.Cli.Output;

/// <summary>Checks, before any work is done, that an output file can be written where the user asked.</summary>
internal static class OutputPath
{
    public static string? Check(FileInfo? file, string optionName)
    {
        if (file is null)
        {
            return null;
        }
        if (Directory.Exists(file.FullName))
        {
            throw new UsageException($"{optionName}: '{file.FullName}' is a folder; give a file name.");
        }
        string? folder = file.DirectoryName;
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"{optionName}: the folder '{folder}' does not exist.");
        }
        return file.FullName;
    }
}
