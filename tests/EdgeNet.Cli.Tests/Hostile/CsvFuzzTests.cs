using System.Globalization;
using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #15's property for CSV data: random files of labels and pixel cells (good ones, huge, NaN, empty, words,
/// decimal commas, NUL, escapes; ragged or uniform rows; LF, CRLF or CR; a byte-order mark; tabs; a line wider than
/// the input cap) — train --data and eval --data either work or refuse the file in one line, write nothing and stay
/// within the memory budget.
/// </summary>
[Collection(Serial.Name)]
public sealed class CsvFuzzTests(FuzzFixture fixture, ITestOutputHelper log) : IClassFixture<FuzzFixture>
{
    private const int Cases = 120;

    private static readonly string[] HostileCells =
    [
        "0.5", "1e400", "-1e400", "NaN", "Infinity", "", "abc", "0,5", "\0", "-0", "1e-320", "\u001b[2J", " 7 ", "1_0", "0x10", "\"0.5\"", "٠.٥", "1e308",
    ];

    private static readonly string[] Labels = ["0", "1", "2", "-1", "x", "", " 1", "1.0", "99999999999", "Edge", "No Edge", "1e400", "\t0"];

    [Fact]
    public void Random_csv_files_train_and_evaluate_or_are_refused_cleanly()
    {
        Gen<string> number = Gen.Double[-2, 2].Select(d => d.ToString("R", CultureInfo.InvariantCulture));
        Gen<string> cell = Gen.Frequency((3, number), (2, Gen.OneOf(HostileCells)), (1, Gen.String[0, 6]));
        Gen<string> separator = Gen.Frequency((8, Gen.Const(",")), (1, Gen.OneOf("\t", ", ", ";", " ")));
        Gen<string> ragged = Gen.Select(Gen.OneOf(Labels), cell.Array[0, 30], separator)
            .Select((label, cells, sep) => string.Join(sep, [label, .. cells]));
        Gen<string[]> uniform = Gen.Select(Gen.OneOf(1, 9, 24, 25, 26, 49), Gen.Int[1, 12]).SelectMany((width, rows) =>
            Gen.Select(Gen.Int[0, 1], Gen.Double[0, 1].Array[width])
                .Select((label, pixels) => string.Join(',', [label.ToString(CultureInfo.InvariantCulture), .. pixels.Select(p => p.ToString("R", CultureInfo.InvariantCulture))]))
                .Array[rows]);
        Gen<string[]> wide = Gen.OneOf(65_025, 65_026, 200_000).Select(width => new[] { "1," + string.Join(',', Enumerable.Repeat("0.5", width)) });
        Gen<string[]> lines = Gen.Frequency((4, ragged.Array[0, 10]), (4, uniform), (1, wide));
        Gen<string> csv = Gen.Select(lines, Gen.OneOf("\n", "\r\n", "\r", "\n\n"), Gen.Bool, Gen.Bool)
            .Select((rows, newline, bom, finalNewline) => (bom ? "\uFEFF" : string.Empty) + string.Join(newline, rows) + (finalNewline ? newline : string.Empty));

        FuzzCases.Run(log, csv, seed: 15_002, Cases, text =>
        {
            using var folder = new TempFolder();
            string data = folder.File("data.csv");
            File.WriteAllText(data, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            HostileRun.Check(folder, "train", "--data", data, "--epochs", "1", "--log-every", "0", "--save", folder.File("model.json"), "--metrics", folder.File("metrics.csv"));
            HostileRun.Check(folder, "eval", "--model", fixture.Model, "--data", data);
        }, text => text.Length <= 600 ? text : text[..600] + $"… ({text.Length} characters)");
    }
}
