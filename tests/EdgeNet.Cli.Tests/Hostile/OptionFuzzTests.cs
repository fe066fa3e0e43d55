using System.Globalization;
using CsCheck;
using Xunit.Abstractions;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #15's property for option values and paths: random numbers (negative, zero, huge, decimal commas, group
/// separators, NaN, other digits), lists like --hidden, words and control characters given to train's, step's and
/// gradcheck's options; and output paths that are folders, devices, /proc files, missing folders, names with a line
/// break, too long or the command's own input — each run works or is refused in one line, writes nothing when it
/// fails and stays within the memory budget.
/// </summary>
[Collection(Serial.Name)]
public sealed class OptionFuzzTests(FuzzFixture fixture, ITestOutputHelper log) : IClassFixture<FuzzFixture>
{
    private static readonly string[] HostileValues =
    [
        "0", "-1", "0,001", "1,5", "1e308", "-1e308", "1e-308", "NaN", "Infinity", "-Infinity", "", " ", "1_000", "1 000", "0x10", "١٢", "1.5", "+3",
        "9999999999999999999999", "2147483648", "4294967296", "65536,65537", "8,0", "8,,8", "8,-8", ",", "8,8,8,8,8,8,8,8,8,8,8,8,8,8,8,8", "\u001b[31m",
        "a\nb", "\0", "f16", "f32", "varied", "orientation", "tutorial", "edge", "31", "33", "4", "--help", "-", "@", "adam", "tanh",
    ];

    // Each option with values it accepts (so that runs get past the parser and do work), beside the hostile ones.
    private static readonly Dictionary<string, string[]> TrainOptions = new()
    {
        ["--lr"] = ["0.1", "0.01", "1", "10"],
        ["--hidden"] = ["8", "4,4", "16", "1", "32,16,8"],
        ["--batch-size"] = ["1", "4", "100", "1000"],
        ["--seed"] = ["0", "1", "42", "4294967295"],
        ["--train-samples"] = ["1", "10", "100", "500"],
        ["--test-samples"] = ["0", "1", "20", "200"],
        ["--precision"] = ["f32", "f64"],
        ["--dataset"] = ["tutorial", "varied"],
        ["--task"] = ["edge", "orientation"],
        ["--noise"] = ["0", "0.05", "1", "100"],
        ["--patch"] = ["3", "5", "7", "31"],
        ["--format"] = ["png", "svg"],
        ["--optimizer"] = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"],
        ["--momentum"] = ["0", "0.9", "0.99"],
        ["--beta1"] = ["0", "0.9"],
        ["--eps"] = ["1e-8", "1"],
        ["--weight-decay"] = ["0", "0.01", "1"],
        ["--activation"] = ["relu", "leaky-relu", "tanh", "sigmoid"],
        ["--init"] = ["tutorial", "he", "xavier"],
        ["--log-every"] = ["0", "1", "5"],
    };

    private static readonly Dictionary<string, string[]> StepOptions = new()
    {
        ["--lr"] = ["0.1", "1", "100"],
        ["--hidden"] = ["8", "3,3", "1"],
        ["--seed"] = ["0", "123"],
        ["--label"] = ["0", "1", "Edge", "No Edge"],
        ["--patch"] = [string.Join(',', Enumerable.Range(0, 25).Select(i => i % 5 < 2 ? "0" : "1")), string.Join(' ', Enumerable.Repeat("0.5", 25))],
        ["--steps"] = ["1", "3"],
        ["--optimizer"] = ["sgd", "adam", "rmsprop"],
        ["--beta2"] = ["0.999", "0.5"],
        ["--rms-decay"] = ["0.9"],
    };

    private static readonly Dictionary<string, string[]> GradcheckOptions = new()
    {
        ["--hidden"] = ["8", "4,4", "30"],
        ["--samples"] = ["1", "10", "50"],
        ["--seed"] = ["0", "7"],
        ["--epsilon"] = ["1e-5", "1e-3"],
        ["--tolerance"] = ["1e-6", "1e-2"],
    };

    [Fact]
    public void Random_option_values_work_or_are_refused_cleanly()
    {
        Gen<string> hostile = Gen.Frequency(
            (4, Gen.OneOf(HostileValues)),
            (3, Gen.Int[-3, 40].Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Int[6, 30].Select(k => "1" + new string('0', k))),
            (1, Gen.Int[1, 64].Array[1, 5].Select(sizes => string.Join(',', sizes))),
            (1, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
            (1, Gen.String[0, 12]));
        Gen<string[]> Command(string name, Dictionary<string, string[]> options, int most) =>
            Gen.OneOf([.. options.Keys])
                .SelectMany(option => Gen.Frequency((3, Gen.OneOf(options[option])), (2, hostile)).Select(value => new[] { option, value }))
                .Array[1, most]
                .Select(pairs => new[] { name }.Concat(pairs.SelectMany(p => p)).ToArray());
        Gen<string[]> train = Command("train", TrainOptions, 4).Select(args => args.Concat(["--epochs", "1"]).ToArray());

        FuzzCases.Run(log, Gen.Frequency((4, train), (2, Command("step", StepOptions, 3)), (1, Command("gradcheck", GradcheckOptions, 3))), seed: 15_003, 200, args =>
        {
            using var folder = new TempFolder();
            string[] save = args[0] switch
            {
                "train" => ["--save", folder.File("model.json")],
                "step" => ["--save-updated", folder.File("updated.json")],
                _ => [],
            };
            HostileRun.Check(folder, [.. args, .. save]);
        }, args => string.Join(' ', args.Select(a => $"[{a}]")));
    }

    [Fact]
    public void Random_output_paths_work_or_are_refused_cleanly()
    {
        // Names relative to the test's folder. Rooted ones are all refused (devices, /proc files) or only read: no run
        // may write outside the test's folder, as the tests may run as root.
        string[] outputs =
        [
            "model.json", "", ".", "/dev/null", "/dev/full", "/dev/zero", "/proc/self/status", "/proc/version",
            "missing/model.json", "sub", "sub/", "sub/model.json", "input.json", "./input.json", "sub/../input.json", "a\nb.json", "tab\there.json",
            "\u001b[31mred.json", "é😀.json", "\ud800.json", "nul\0.json", new string('x', 300) + ".json", "d/d/d/m.json",
            "model.json/", "-", "--save", "link-to-input.json", "dangling.json", "model", "metrics.csv",
        ];
        string[] inputs = [.. outputs, "/", "/sys", "/etc/hostname", "/proc/self/mem", "..", "sub/.."];
        Gen<string> name = Gen.OneOf(outputs);
        Gen<string> input = Gen.OneOf(inputs);
        Gen<string[]> train = Gen.Select(name, name, name).Select((save, metrics, plots) => new[] { "train", "--epochs", "1", "--log-every", "0", "--save", save, "--metrics", metrics, "--plots", plots });
        Gen<string[]> trainData = Gen.Select(input, name).Select((data, save) => new[] { "train", "--epochs", "1", "--log-every", "0", "--data", data, "--save", save });
        Gen<string[]> step = name.Select(save => new[] { "step", "--model", "input.json", "--save-updated", save });
        Gen<string[]> eval = input.Select(model => new[] { "eval", "--model", model });
        Gen<string[]> export = name.Select(onnx => new[] { "export", "--model", "input.json", "--out", onnx });

        FuzzCases.Run(log, Gen.OneOf(train, trainData, step, eval, export), seed: 15_004, 150, args =>
        {
            using var folder = new TempFolder();
            Directory.CreateDirectory(folder.File("sub"));
            File.Copy(fixture.Model, folder.File("input.json"));
            File.CreateSymbolicLink(folder.File("link-to-input.json"), folder.File("input.json"));
            File.CreateSymbolicLink(folder.File("dangling.json"), folder.File("missing/target.json"));
            string[] resolved = [.. args.Select((a, i) => i > 0 && args[i - 1].StartsWith("--", StringComparison.Ordinal) && !Path.IsPathRooted(a) && a.Length > 0 && a != "-" && a != "--save" ? folder.File(a) : a)];
            HostileRun.Check(folder, resolved);
        }, args => string.Join(' ', args.Select(a => $"[{a}]")));
    }
}
