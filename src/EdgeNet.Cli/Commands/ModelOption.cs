using System.CommandLine;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>The <c>--model FILE</c> option and its loading.</summary>
internal static class ModelOption
{
    public static Option<FileInfo?> Create(bool required) =>
        new("--model") { HelpName = "FILE", Description = "A model file saved by 'edgenet train --save'.", Required = required };

    /// <summary>Loads and validates the model; a missing file, a folder or a device gets its own one-line message.</summary>
    public static Model Load(FileInfo file) => ModelFile.Load(file.FullName);
}
