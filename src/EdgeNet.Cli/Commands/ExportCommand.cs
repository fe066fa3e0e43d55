using System.CommandLine;
using EdgeNet.Cli.Output;
using EdgeNet.IO;
using EdgeNet.Models;
using EdgeNet.Onnx;

namespace EdgeNet.Cli.Commands;

/// <summary><c>edgenet export</c>: a saved model as an ONNX file that ONNX Runtime (and any ONNX tool) runs.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var model = ModelOption.Create(required: true);
        var output = new Option<FileInfo>("--out") { HelpName = "FILE", Description = "The ONNX file to write (e.g. model.onnx).", Required = true };
        var precision = new Option<string>("--precision") { HelpName = "f32|f64", Description = "Number type of the ONNX file: f32 (float, the default; what most runtimes expect) or f64 (double, the model's exact weights).", DefaultValueFactory = _ => "f32" };
        GeneratedDataOptions.OneOf(precision, "f32", "f64");
        var command = new Command("export", "Write a saved model as ONNX (opset 17): input 'patch' [N, pixels], output 'probabilities' [N, classes].") { model, output, precision };
        command.SetAction(parse => EdgeNetCli.Guard(context, () =>
        {
            string path = OutputPath.Check(parse.GetValue(output), "--out", (parse.GetValue(model), "--model"))!;
            Model loaded = ModelOption.Load(parse.GetValue(model)!);
            OnnxPrecision type = parse.GetValue(precision) == "f64" ? OnnxPrecision.Float64 : OnnxPrecision.Float32;
            OnnxExport.Save(loaded, path, type);
            context.Out.WriteLine($"Exported {Describe(loaded)} to {path} (ONNX opset {OnnxExport.Opset}, {parse.GetValue(precision)}).");
            return ExitCodes.Success;
        }));
        return command;
    }

    internal static string Describe(Model model) =>
        $"{string.Join("→", [model.Network.Inputs, .. model.Network.HiddenSizes, model.Network.Classes])} ({string.Join(", ", model.ClassNames.Select(n => UserText.Escape(n)))})";
}
