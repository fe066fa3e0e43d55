using System.CommandLine;
using EdgeNet.Cli.Output;
using EdgeNet.Data;
using EdgeNet.Models;
using EdgeNet.Onnx;

namespace EdgeNet.Cli.Commands;

/// <summary><c>edgenet import</c>: an MLP from an ONNX file (PyTorch's or EdgeNet's export) as an EdgeNet model file.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var onnx = new Option<FileInfo>("--onnx") { HelpName = "FILE", Description = "The ONNX file: an MLP as torch.onnx.export or 'edgenet export' writes it.", Required = true };
        var output = new Option<FileInfo>("--out") { HelpName = "FILE", Description = "The EdgeNet model file to write (JSON).", Required = true };
        var task = new Option<string?>("--task") { HelpName = "edge|orientation", Description = "Name the classes as this task's (default: the names in the file's metadata, else 'Class 0', 'Class 1', ...)." };
        GeneratedDataOptions.OneOf(task, "edge", "orientation");
        var command = new Command("import", "Read an MLP from an ONNX file (e.g. exported by PyTorch) and save it as an EdgeNet model.") { onnx, output, task };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            string path = OutputPath.Check(parse.GetValue(output), "--out", (parse.GetValue(onnx), "--onnx"))!;
            FileInfo file = parse.GetValue(onnx)!;
            IReadOnlyList<string>? names = parse.GetValue(task) is string name ? EdgeTasks.ClassNames(EdgeTasks.Parse(name)!.Value) : null;
            Model model = OnnxImport.Load(file.FullName);
            if (names is not null)
            {
                model = names.Count == model.Network.Classes
                    ? model with { ClassNames = names }
                    : throw new UsageException($"--task {parse.GetValue(task)} has {names.Count} classes but the ONNX model has {model.Network.Classes}.");
            }
            ModelFile.Save(model, path);
            context.Out.WriteLine($"Imported {ExportCommand.Describe(model)} from {file.Name} to {path}.");
            return ExitCodes.Success;
        }));
        return command;
    }
}
