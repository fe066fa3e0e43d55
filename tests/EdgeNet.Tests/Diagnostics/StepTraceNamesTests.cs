using EdgeNet.Data;
using EdgeNet.Diagnostics;

namespace EdgeNet.Tests.Diagnostics;

/// <summary>The step's quantities carry the tutorial's names, formulas and parts, in the tutorial's order.</summary>
public sealed class StepTraceNamesTests
{
    [Fact]
    public void One_hidden_layer_uses_the_tutorials_names_in_its_order()
    {
        // Given / When
        StepTrace trace = StepTrace.Record(StepNetworks.Part1(), TutorialExamples.ForwardTraceEdge(), 0, 0.1);
        string[] symbols = [.. trace.Quantities.Select(q => q.Symbol)];

        // Then every named quantity is there, in the order the tutorial explains them
        string[] expected =
        [
            "x", "W1", "b1", "z1", "h", "W2", "b2", "z2", "p", "y", "L",
            "dL/dz2", "dL/dW2", "dL/db2", "dL/dh", "dL/dz1", "dL/dW1", "dL/db1",
            "W1 (updated)", "b1 (updated)", "W2 (updated)", "b2 (updated)", "p (after)", "L (after)",
        ];
        Assert.Equal(expected, symbols);
        Assert.Equal("h", trace.Layers[0].ActivationName);
        Assert.Equal("h", trace.Layers[1].InputName);
    }

    [Fact]
    public void Deeper_networks_number_their_hidden_layers()
    {
        // Given 25→16→8→2
        StepTrace trace = StepTrace.Record(StepNetworks.Seeded(25, [16, 8], 2, 7), TutorialExamples.ForwardTraceEdge(), 0, 0.1);

        // Then
        Assert.Equal(["x", "h1", "h2"], trace.Layers.Select(l => l.InputName));
        Assert.Equal(["z1", "z2", "z3"], trace.Layers.Select(l => l.PreActivationName));
        Assert.Equal(["W1", "W2", "W3"], trace.Layers.Select(l => l.WeightsName));
        StepQuantity dh1 = Assert.Single(trace.Quantities, q => q.Symbol == "dL/dh1");
        Assert.Equal("dL/dh1 = dL/dz2 · W2ᵀ", dh1.Formula);
        Assert.Same(trace.Layers[0].ActivationGradient, dh1.Value);
        Assert.Equal("dL/dz3 = p − y", Assert.Single(trace.Quantities, q => q.Symbol == "dL/dz3").Formula);
    }

    [Fact]
    public void Each_quantity_names_its_formula_and_tutorial_part_and_holds_the_recorded_numbers()
    {
        // Given
        StepTrace trace = StepTrace.Record(StepNetworks.Part1(), TutorialExamples.ForwardTraceEdge(), 0, 0.1);
        StepQuantity Find(string symbol) => Assert.Single(trace.Quantities, q => q.Symbol == symbol);

        // Then
        Assert.Equal(("z1 = x·W1 + b1", "Part 2, Step 1"), (Find("z1").Formula, Find("z1").TutorialPart));
        Assert.Equal(("dL/dz2 = p − y", "Part 7, Step 1 (A.1)"), (Find("dL/dz2").Formula, Find("dL/dz2").TutorialPart));
        Assert.Equal(("dL/dz1 = dL/dh ⊙ 1[z1 > 0]", "Part 7, Step 4 (A.5)"), (Find("dL/dz1").Formula, Find("dL/dz1").TutorialPart));
        Assert.Equal("Part 7, Step 5 (A.2)", Find("dL/dW1").TutorialPart);
        Assert.Same(trace.Layers[0].PreActivation, Find("z1").Value);
        Assert.Same(trace.Layers[1].WeightGradient, Find("dL/dW2").Value);
        Assert.Same(trace.Layers[0].UpdatedWeights, Find("W1 (updated)").Value);
        Assert.Equal(trace.Loss, Find("L").Value[0]);
        Assert.Equal(trace.LossAfter, Find("L (after)").Value[0]);
        Assert.Equal(1, Find("dL/dW1").Layer);
        Assert.Null(Find("p").Layer);
        Assert.All(trace.Quantities, q => Assert.StartsWith("Part ", q.TutorialPart));
        StepStage[] stages = [.. trace.Quantities.Select(q => q.Stage)];
        Assert.Equal(stages.Order(), stages);
    }

    [Fact]
    public void A_network_without_hidden_layers_is_softmax_regression_with_one_layer()
    {
        // Given 25→2: no hidden layer, no ReLU
        StepTrace trace = StepTrace.Record(StepNetworks.Seeded(25, [], 2, 1), TutorialExamples.ForwardTraceEdge(), 0, 0.1);

        // Then
        Assert.Equal(
            ["x", "W1", "b1", "z1", "p", "y", "L", "dL/dz1", "dL/dW1", "dL/db1", "W1 (updated)", "b1 (updated)", "p (after)", "L (after)"],
            trace.Quantities.Select(q => q.Symbol));
        Assert.True(trace.LossDecreased);
    }
}
