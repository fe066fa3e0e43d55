using EdgeNet.Optimizers;

namespace EdgeNet.Tests.Optimization;

/// <summary>
/// Each update rule on two weights for three steps, against its textbook formula written out here in plain
/// arithmetic (the forms in the papers: m̂ and v̂ for Adam), and the facts a learner checks by hand.
/// </summary>
public sealed class OptimizerRuleTests
{
    private static readonly double[] Start = [0.5, -0.25];
    private static readonly double[][] Gradients = [[0.2, -0.1], [0.1, 0.3], [-0.4, 0.05]];
    private const double Lr = 0.1;

    [Fact]
    public void Sgd_moves_each_weight_by_minus_lr_times_the_gradient_plus_decay()
    {
        // Given two weights, three gradients and weight decay 0.01
        double[] w = [.. Start];
        double[] expected = [.. Start];

        // When SGD steps three times
        foreach (double[] g in Gradients)
        {
            SgdRule.Step<double>(w, g, Lr, 0.01);
            for (int i = 0; i < 2; i++)
            {
                expected[i] -= Lr * (g[i] + 0.01 * expected[i]);     // W ← W − α·(g + λW)
            }
        }

        // Then
        Assert.Equal(expected, w);
    }

    [Fact]
    public void Momentum_starts_as_sgd_and_then_accumulates_velocity()
    {
        // Given
        double[] w = [.. Start], v = new double[2];
        double[] expected = [.. Start], velocity = new double[2];
        const double mu = 0.9;

        // When
        for (int t = 0; t < 3; t++)
        {
            MomentumRule.Step<double>(w, Gradients[t], v, first: t == 0, Lr, mu, 0);
            for (int i = 0; i < 2; i++)
            {
                velocity[i] = mu * velocity[i] + Gradients[t][i];     // v ← μv + g (v₀ = 0, so v₁ = g)
                expected[i] -= Lr * velocity[i];
            }
        }

        // Then
        AssertClose(expected, w, 1e-15);
        AssertClose(velocity, v, 1e-15);
    }

    [Fact]
    public void Nesterov_steps_along_the_gradient_plus_mu_times_the_new_velocity()
    {
        // Given
        double[] w = [.. Start], v = new double[2];
        double[] expected = [.. Start], velocity = new double[2];
        const double mu = 0.5;

        // When
        for (int t = 0; t < 3; t++)
        {
            NesterovRule.Step<double>(w, Gradients[t], v, first: t == 0, Lr, mu, 0.02);
            for (int i = 0; i < 2; i++)
            {
                double d = Gradients[t][i] + 0.02 * expected[i];
                velocity[i] = mu * velocity[i] + d;
                expected[i] -= Lr * (d + mu * velocity[i]);          // look ahead along v
            }
        }

        // Then
        AssertClose(expected, w, 1e-15);
    }

    [Fact]
    public void Adagrad_first_step_is_lr_in_size_whatever_the_gradient()
    {
        // Given gradients of very different sizes
        double[] w = [0, 0, 0], s = new double[3];

        // When one Adagrad step runs
        AdagradRule.Step<double>(w, [1e-3, -5.0, 200.0], s, Lr, 1e-10, 0);

        // Then each weight moves by α·g/(|g| + ε) ≈ ∓α, and s holds g²
        AssertClose([-Lr * 1e-3 / (1e-3 + 1e-10), Lr * 5 / (5 + 1e-10), -Lr * 200 / (200 + 1e-10)], w, 1e-16);
        AssertClose([1e-6, 25.0, 40000.0], s, 1e-12);
    }

    [Fact]
    public void Adagrad_divides_by_the_root_of_all_squares_so_far()
    {
        double[] w = [.. Start], s = new double[2];
        double[] expected = [.. Start], sum = new double[2];
        foreach (double[] g in Gradients)
        {
            AdagradRule.Step<double>(w, g, s, Lr, 1e-10, 0);
            for (int i = 0; i < 2; i++)
            {
                sum[i] += g[i] * g[i];
                expected[i] -= Lr * g[i] / (Math.Sqrt(sum[i]) + 1e-10);
            }
        }
        AssertClose(expected, w, 1e-15);
    }

    [Fact]
    public void RmsProp_divides_by_the_root_of_a_forgetting_average_of_squares()
    {
        double[] w = [.. Start], s = new double[2];
        double[] expected = [.. Start], avg = new double[2];
        const double rho = 0.9;
        foreach (double[] g in Gradients)
        {
            RmsPropRule.Step<double>(w, g, s, Lr, rho, 1e-8, 0.1);
            for (int i = 0; i < 2; i++)
            {
                double d = g[i] + 0.1 * expected[i];
                avg[i] = rho * avg[i] + (1 - rho) * d * d;
                expected[i] -= Lr * d / (Math.Sqrt(avg[i]) + 1e-8);
            }
        }
        AssertClose(expected, w, 1e-14);
        AssertClose(avg, s, 1e-15);
    }

    [Fact]
    public void Adam_matches_the_papers_bias_corrected_moments()
    {
        // Given
        double[] w = [.. Start], m = new double[2], v = new double[2];
        double[] expected = [.. Start], mm = new double[2], vv = new double[2];
        const double b1 = 0.9, b2 = 0.999, eps = 1e-8, lambda = 0.05;

        // When three steps run
        for (int t = 1; t <= 3; t++)
        {
            double[] g = Gradients[t - 1];
            AdamRule.Step<double>(w, g, m, v, t, Lr, b1, b2, eps, lambda);
            for (int i = 0; i < 2; i++)
            {
                double d = g[i] + lambda * expected[i];                // coupled decay
                mm[i] = b1 * mm[i] + (1 - b1) * d;
                vv[i] = b2 * vv[i] + (1 - b2) * d * d;
                double mHat = mm[i] / (1 - Math.Pow(b1, t));
                double vHat = vv[i] / (1 - Math.Pow(b2, t));
                expected[i] -= Lr * mHat / (Math.Sqrt(vHat) + eps);  // Kingma & Ba, with ε outside the root as torch
            }
        }

        // Then the two forms agree to rounding
        AssertClose(expected, w, 1e-14);
        AssertClose(mm, m, 1e-15);
        AssertClose(vv, v, 1e-15);
    }

    [Fact]
    public void Adams_first_step_is_about_lr_whatever_the_gradient()
    {
        double[] w = [0, 0, 0], m = new double[3], v = new double[3];
        double[] g = [1e-4, -3.0, 500.0];
        AdamRule.Step<double>(w, g, m, v, 1, Lr, 0.9, 0.999, 1e-8, 0);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(-Lr * g[i] / (Math.Abs(g[i]) + 1e-8), w[i], 15); // m̂ = g, √v̂ = |g|: the step is α·g/(|g| + ε)
            Assert.InRange(Math.Abs(w[i]), Lr * (1 - 1e-3), Lr);             // ≈ α, whatever the size of g
        }
    }

    [Fact]
    public void AdamW_shrinks_the_weights_before_an_adam_step_on_the_bare_gradient()
    {
        // Given the same start for AdamW and for (shrink, then Adam without decay)
        double[] w = [.. Start], m = new double[2], v = new double[2];
        double[] expected = [.. Start], mm = new double[2], vv = new double[2];
        const double lambda = 0.3;

        for (int t = 1; t <= 3; t++)
        {
            AdamWRule.Step<double>(w, Gradients[t - 1], m, v, t, Lr, 0.9, 0.999, 1e-8, lambda);
            for (int i = 0; i < 2; i++)
            {
                expected[i] *= 1 - Lr * lambda;                        // W ← W·(1 − αλ)
            }
            AdamRule.Step<double>(expected, Gradients[t - 1], mm, vv, t, Lr, 0.9, 0.999, 1e-8, 0);
        }

        Assert.Equal(expected, w);
        Assert.NotEqual(0.0, w[0] - Start[0]);
    }

    [Fact]
    public void Zero_weight_decay_changes_no_bit()
    {
        double[] a = [.. Start], b = [.. Start];
        SgdRule.Step<double>(a, Gradients[0], Lr, 0);
        for (int i = 0; i < 2; i++)
        {
            b[i] -= Lr * Gradients[0][i];                               // the tutorial's W -= lr * dW
        }
        Assert.Equal(b, a);
    }

    [Fact]
    public void Rules_refuse_state_of_another_length()
    {
        Assert.Throws<ArgumentException>(() => AdamRule.Step<double>(new double[2], new double[2], new double[1], new double[2], 1, Lr, 0.9, 0.999, 1e-8, 0));
        Assert.Throws<ArgumentException>(() => MomentumRule.Step<double>(new double[2], new double[3], new double[2], true, Lr, 0.9, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdamRule.Step<double>(new double[2], new double[2], new double[2], new double[2], 0, Lr, 0.9, 0.999, 1e-8, 0));
    }

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
