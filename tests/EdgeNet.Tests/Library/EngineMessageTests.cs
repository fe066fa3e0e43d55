using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using EdgeNet.Data;
using EdgeNet.Diagnostics;
using EdgeNet.Training;

namespace EdgeNet.Tests.Library;

/// <summary>
/// The engine is a library: a refusal says what is too large in the engine's terms (samples, batch size, layers,
/// parameters), with the value and the cap, and names none of the command line's options, which a library user never
/// typed (the command line adds those to its own line).
/// </summary>
public sealed partial class EngineMessageTests
{
    private static readonly string Engine = typeof(Network<double>).Assembly.Location;

    /// <summary>Each cap broken through the engine's own entry points: the refusal and the cap it must name.</summary>
    private static IEnumerable<(string Case, Action Break, long Cap)> LimitViolations()
    {
        yield return ("layers", () => Limits.CheckNetwork([25, .. Enumerable.Repeat(2, Limits.MaxLayers + 1)]), Limits.MaxLayers);
        yield return ("inputs", () => Network<double>.Create(Limits.MaxInputs + 1, [2], 2), Limits.MaxInputs);
        yield return ("classes", () => Network<double>.Create(25, [2], Limits.MaxClasses + 1), Limits.MaxClasses);
        yield return ("parameters", () => Network<double>.Create(25, [1_000_000], 2), Limits.MaxParameters);
        yield return ("generated samples", () => GeneratedData.Tutorial.Generate(new NumpyRandom(1), Limits.MaxSamples + 1), Limits.MaxSamples);
        yield return ("data set values", () => Limits.CheckSamples(1_000, Limits.MaxInputs, "a data set"), Limits.MaxDatasetValues);
        yield return ("training samples", () => new TrainingOptions { TrainSamples = Limits.MaxSamples + 1 }.Validate(), Limits.MaxSamples);
        yield return ("gradient check work", () => GradientCheck.Run(Network<double>.Create(25, [1000], 2), new double[10 * 25], new int[10]), Limits.MaxGradientCheckWork);
        yield return ("batch activations", () => Limits.CheckBatch(1_000_000, [4096, 2]), Limits.MaxBatchValues);
        yield return ("batch activations of a forward pass", () =>
        {
            // 25→4096→2 on 10,000 patches at once: 10,000 × 4,098 activations per buffer
            var network = Network<double>.Create(25, [4096], 2);
            _ = network.Forward(new double[10_000 * 25], 10_000);
        }, Limits.MaxBatchValues);
    }

    [GeneratedRegex("--[a-z]")]
    private static partial Regex CommandLineOption();

    [Fact]
    public void Every_limit_violation_says_the_cap_and_names_no_command_line_option()
    {
        foreach ((string name, Action breakIt, long cap) in LimitViolations())
        {
            Exception? thrown = Record.Exception(breakIt);

            ArgumentException error = thrown as ArgumentException
                ?? throw new Xunit.Sdk.XunitException($"{name}: expected an ArgumentException, got {thrown?.GetType().Name ?? "none"}");

            Assert.False(CommandLineOption().IsMatch(error.Message), $"{name}: the engine's message names a command-line option: {error.Message}");
            Assert.True(error.Message.Contains(Limits.Count(cap), StringComparison.Ordinal), $"{name}: the message does not say the cap {Limits.Count(cap)}: {error.Message}");
        }
    }

    [Fact]
    public void No_text_in_the_engine_names_a_command_line_option()
    {
        // Given every string literal compiled into the engine (the #US heap: messages and the pieces of interpolated ones)
        using var stream = File.OpenRead(Engine);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var literals = new List<string>();
        for (UserStringHandle handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            literals.Add(metadata.GetUserString(handle));
        }

        // Then there are messages, and none names an option such as --batch-size
        Assert.Contains(literals, s => s.Contains("the most is", StringComparison.Ordinal));
        Assert.DoesNotContain(literals, s => CommandLineOption().IsMatch(s));
    }
}
