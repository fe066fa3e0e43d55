using System.Text.Json;
using EdgeNet.Cli.Commands;
using EdgeNet.Diagnostics;

namespace EdgeNet.Cli.Tests;

/// <summary>
/// Holds every number of <c>edgenet step</c> to the tutorial's own NumPy code (tools/numpy_step.py: Part 1's forward
/// pass, Part 7's backward pass, Part 5's update). Skipped without NumPy unless EDGENET_REQUIRE_NUMPY=1, as in CI.
/// </summary>
public sealed class StepNumpyAgreementTests
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string[]> Configurations => new()
    {
        Array.Empty<string>(),                                                    // Part 1: seed 123, the perfect edge
        new[] { "--seed", "7", "--hidden", "16,8", "--label", "1", "--lr", "0.5" },
        new[] { "--seed", "42", "--random-patch" },                               // make_data(1), then the weights
        new[] { "--seed", "5", "--hidden", "4,3,3", "--patch", "0.2,0.8,0.8,0.2,0.8,0.8,0.2,0.8,0.8", "--label", "0", "--lr", "0.3" },
    };

    [SkippableTheory]
    [MemberData(nameof(Configurations))]
    public void Every_number_of_the_step_matches_numpy_running_the_tutorials_code(string[] configuration)
    {
        string? python = NumpyAgreementTests.FindPythonWithNumpy();
        Skip.If(python is null && Environment.GetEnvironmentVariable("EDGENET_REQUIRE_NUMPY") != "1", "python3 with numpy is not installed");
        Assert.True(python is not null, "EDGENET_REQUIRE_NUMPY=1 but no python3 with numpy was found");

        // Given NumPy's step for this configuration
        string script = Path.Combine(AppContext.BaseDirectory, "tools", "numpy_step.py");
        using JsonDocument numpy = JsonDocument.Parse(NumpyAgreementTests.RunProcess(python!, [script, .. configuration]));
        JsonElement expected = numpy.RootElement;

        // When edgenet sets up the same step (as the step command does) and records it
        StepSetup setup = StepSetup.Create(Request(configuration));
        StepTrace trace = StepTrace.Record(setup.Network, setup.Example, setup.Label, Lr(configuration));

        // Then every quantity agrees
        AssertClose(expected.GetProperty("x"), trace.Input, "x");
        Assert.Equal(expected.GetProperty("label").GetInt32(), trace.Label);
        AssertClose(expected.GetProperty("p"), trace.Probabilities, "p");
        Assert.Equal(expected.GetProperty("loss").GetDouble(), trace.Loss, Tolerance);
        AssertClose(expected.GetProperty("p_after"), trace.ProbabilitiesAfter, "p after");
        Assert.Equal(expected.GetProperty("loss_after").GetDouble(), trace.LossAfter, Tolerance);
        JsonElement[] layers = [.. expected.GetProperty("layers").EnumerateArray()];
        Assert.Equal(layers.Length, trace.Layers.Count);
        foreach (LayerStep layer in trace.Layers)
        {
            JsonElement n = layers[layer.Number - 1];
            AssertClose(n.GetProperty("W"), layer.Weights, layer.WeightsName);
            AssertClose(n.GetProperty("b"), layer.Bias, layer.BiasName);
            AssertClose(n.GetProperty("z"), layer.PreActivation, layer.PreActivationName);
            AssertClose(n.GetProperty("dz"), layer.PreActivationGradient, $"dL/d{layer.PreActivationName}");
            AssertClose(n.GetProperty("dW"), layer.WeightGradient, $"dL/d{layer.WeightsName}");
            AssertClose(n.GetProperty("db"), layer.BiasGradient, $"dL/d{layer.BiasName}");
            AssertClose(n.GetProperty("W_new"), layer.UpdatedWeights, $"{layer.WeightsName} updated");
            AssertClose(n.GetProperty("b_new"), layer.UpdatedBias, $"{layer.BiasName} updated");
            if (!layer.IsOutput)
            {
                AssertClose(n.GetProperty("h"), layer.Activation!, layer.ActivationName!);
                AssertClose(n.GetProperty("dh"), layer.ActivationGradient!, $"dL/d{layer.ActivationName}");
            }
        }
    }

    private static StepCommand.StepRequest Request(string[] args)
    {
        string? Get(string name) => Array.IndexOf(args, name) is >= 0 and var i ? args[i + 1] : null;
        return new StepCommand.StepRequest(null, uint.Parse(Get("--seed") ?? "123"), Get("--hidden") ?? "8", Get("--patch"), Get("--label"),
            args.Contains("--random-patch"), Lr(args), Full: false, SavePath: null);
    }

    private static double Lr(string[] args) => Array.IndexOf(args, "--lr") is >= 0 and var i ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : 0.1;

    // NumPy gives vectors as lists and matrices as lists of rows; both are compared value by value, row by row.
    private static void AssertClose(JsonElement expected, TraceMatrix actual, string what)
    {
        double[] values = [.. Flatten(expected)];
        Assert.True(values.Length == actual.Count, $"{what}: NumPy has {values.Length} values, edgenet {actual.Count}");
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(Math.Abs(values[i] - actual[i]) <= Tolerance, $"{what}[{i}]: NumPy {values[i]}, edgenet {actual[i]}");
        }
    }

    private static IEnumerable<double> Flatten(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().SelectMany(Flatten) : [element.GetDouble()];
}
