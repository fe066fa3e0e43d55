using System.CommandLine;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>The <c>--model FILE</c> option and its loading.</summary>
internal static class ModelOption
{
    public static Option<FileInfo?> Create(bool required) =>
        new("--model") { HelpName = "FILE", Description = "A model file saved by 'edgenet train --save'.", Required = required };

    public static Model Load(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Model file '{file.FullName}' does not exist.");
        }
        return ModelFile.Load(file.FullName);
    }
}
