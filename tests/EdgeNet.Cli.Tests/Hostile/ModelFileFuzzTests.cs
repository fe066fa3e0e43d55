using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit.Abstractions;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #15's property for model files: a real saved model, truncated, with bytes flipped, with a value replaced by
/// a huge, negative, NaN or wrongly typed one, with a field or array element dropped or repeated, or nested deep —
/// eval, predict and step either work or refuse it in one line, write nothing and stay within the memory budget.
/// </summary>
[Collection(Serial.Name)]
public sealed class ModelFileFuzzTests(FuzzFixture fixture, ITestOutputHelper log) : IClassFixture<FuzzFixture>
{
    private const int Cases = 150;

    private static readonly string[] HostileValues =
    [
        "0", "-1", "-0", "1e400", "-1e400", "1e308", "-1e308", "1e-400", "NaN", "Infinity", "\"NaN\"", "null", "[]", "{}", "[null]", "[[null]]",
        "2147483648", "-2147483649", "9223372036854775808", "99999999", "20000000", "1000001", "65537", "65026", "1001", "1.5", "true", "\"\"",
        "\"a\\nb\"", "\"\\u001b[31m\"", "\"x\\\"y\"", "\"\\ud800\"", "\"\\u0000\"", "[\"Edge\",\"Edge\"]", "[1,2,3]", "[[1,2],[3]]", "\"f16\"", "\"relu6\"",
        "\"" + new string('A', 5000) + "\"", "[" + string.Join(',', Enumerable.Repeat("0.5", 3000)) + "]",
    ];

    [Fact]
    public void Mutated_model_files_work_or_are_refused_cleanly()
    {
        string text = fixture.ModelJson;
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        JsonNode root = JsonNode.Parse(text)!;
        int nodes = JsonMutation.Count(root);

        Gen<byte[]> truncated = Gen.Int[0, bytes.Length - 1].Select(n => bytes[..n]);
        Gen<byte[]> flipped = Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte[1, 255], Gen.Int[1, 3]).Select((at, mask, count) =>
        {
            byte[] copy = [.. bytes];
            for (int k = 0; k < count; k++)
            {
                copy[(at + (k * 997)) % copy.Length] ^= mask;
            }
            return copy;
        });
        // Half the structural edits pick among the first nodes (format, architecture, training: where the sizes are).
        Gen<int> node = Gen.OneOf(Gen.Int[0, nodes - 1], Gen.Int[0, Math.Min(nodes - 1, 40)]);
        Gen<JsonMutation> edit = Gen.Select(node, Gen.Enum<JsonEdit>(), Gen.OneOf(HostileValues), Gen.OneOf(1, 2, 63, 64, 65, 1000))
            .Select((n, e, value, depth) => new JsonMutation(n, e, value, depth));
        Gen<byte[]> structural = edit.Array[1, 3].Select(edits =>
        {
            // Apply the edits one after another, each to the result of the last (while it still parses with unique names).
            string current = text;
            foreach (JsonMutation mutation in edits)
            {
                JsonNode? parsed = TryParse(current);
                if (parsed is null)
                {
                    break;
                }
                current = (mutation with { Node = mutation.Node % JsonMutation.Count(parsed) }).Apply(parsed);
            }
            return Encoding.UTF8.GetBytes(current);
        });

        FuzzCases.Run(log, Gen.Frequency((1, truncated), (1, flipped), (4, structural)), seed: 15_001, Cases, model =>
        {
            using var folder = new TempFolder();
            string path = folder.File("model.json");
            File.WriteAllBytes(path, model);
            HostileRun.Check(folder, "eval", "--model", path);
            HostileRun.Check(folder, "predict", "--model", path);
            HostileRun.Check(folder, "step", "--model", path, "--save-updated", folder.File("updated.json"));
        }, model => Shorten(Encoding.UTF8.GetString(model)));
        Assert.True(root["layers"] is JsonArray, "the fixture's model has layers");
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            JsonNode? node = JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = 4096 });
            _ = JsonMutation.Count(node);                                   // a repeated field name only fails here
            return node;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 2000 ? text : text[..1000] + $" … ({text.Length} characters) … " + text[^1000..];
}
