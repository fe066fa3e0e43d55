using System.Numerics;
using EdgeNet.Optimizers;

namespace EdgeNet.Tests.Optimization;

/// <summary>
/// Each rule's vector loops against its scalar loop: the same rule on 47 weights and on
/// each weight alone (a span of one, which only the scalar loop sees) gives the same bits, step after step.
/// </summary>
public sealed class OptimizerVectorTests
{
    // 47 = 5·8 + 4 + 2 + 1 doubles and 2·16 + 8 + 4 + 3 floats: every vector width the machine has (512, 256, 128
    // bits), one after the other, then the scalar loop.
    private const int Weights = 47;

    public static TheoryData<OptimizerKind, double> KindsAndDecays
    {
        get
        {
            var data = new TheoryData<OptimizerKind, double>();
            foreach (OptimizerKind kind in Enum.GetValues<OptimizerKind>())
            {
                data.Add(kind, 0);
                data.Add(kind, 0.05);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(KindsAndDecays))]
    public void The_vector_loop_gives_the_scalar_loops_bits_double(OptimizerKind kind, double weightDecay) =>
        AssertSameBits<double>(OptimizerSettings.For(kind) with { WeightDecay = weightDecay });

    [Theory]
    [MemberData(nameof(KindsAndDecays))]
    public void The_vector_loop_gives_the_scalar_loops_bits_float(OptimizerKind kind, double weightDecay) =>
        AssertSameBits<float>(OptimizerSettings.For(kind) with { WeightDecay = weightDecay });

    private static void AssertSameBits<T>(OptimizerSettings s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given 47 weights, their state and five gradients
        var random = new NumpyRandom(3);
        T[] start = [.. Enumerable.Range(0, Weights).Select(_ => T.CreateChecked(random.Randn()))];
        T[][] gradients = [.. Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, Weights).Select(_ => T.CreateChecked(0.1 * random.Randn())).ToArray())];
        T[] whole = [.. start], single = [.. start];
        T[] firstWhole = new T[Weights], secondWhole = new T[Weights], firstSingle = new T[Weights], secondSingle = new T[Weights];

        // When the rule steps all 47 at once, and each weight alone
        for (int t = 1; t <= gradients.Length; t++)
        {
            Step(s, t, whole, gradients[t - 1], firstWhole, secondWhole);
            for (int i = 0; i < Weights; i++)
            {
                Step(s, t, single.AsSpan(i, 1), gradients[t - 1].AsSpan(i, 1), firstSingle.AsSpan(i, 1), secondSingle.AsSpan(i, 1));
            }
        }

        // Then the same bits, and the weights moved
        Assert.Equal(single, whole);
        Assert.Equal(firstSingle, firstWhole);
        Assert.Equal(secondSingle, secondWhole);
        Assert.NotEqual(start, whole);
    }

    private static void Step<T>(OptimizerSettings s, int t, Span<T> w, ReadOnlySpan<T> g, Span<T> first, Span<T> second)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        const double lr = 0.01;
        switch (s.Kind)
        {
            case OptimizerKind.Sgd: SgdRule.Step(w, g, lr, s.WeightDecay); break;
            case OptimizerKind.Momentum: MomentumRule.Step(w, g, first, t == 1, lr, s.Momentum, s.WeightDecay); break;
            case OptimizerKind.Nesterov: NesterovRule.Step(w, g, first, t == 1, lr, s.Momentum, s.WeightDecay); break;
            case OptimizerKind.Adagrad: AdagradRule.Step(w, g, first, lr, s.Eps, s.WeightDecay); break;
            case OptimizerKind.RmsProp: RmsPropRule.Step(w, g, first, lr, s.RmsDecay, s.Eps, s.WeightDecay); break;
            case OptimizerKind.Adam: AdamRule.Step(w, g, first, second, t, lr, s.Beta1, s.Beta2, s.Eps, s.WeightDecay); break;
            default: AdamWRule.Step(w, g, first, second, t, lr, s.Beta1, s.Beta2, s.Eps, s.WeightDecay); break;
        }
    }
}
