namespace EdgeNet.Tests;

public sealed class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Softmax_of_the_tutorials_scores_is_088_012()
    {
        double[] p = new double[2];
        SoftmaxCrossEntropy.Softmax<double>([2.5, 0.5], p, out _);
        Assert.Equal(Math.Exp(2.5) / (Math.Exp(2.5) + Math.Exp(0.5)), p[0], 15);
        Assert.Equal("0.88 0.12", $"{p[0]:F2} {p[1]:F2}");
    }

    [Fact]
    public void Loss_is_finite_for_huge_logits()
    {
        double[] p = new double[2];
        double loss = SoftmaxCrossEntropy.Forward<double>([1000.0, -1000.0], p, [1], 2, out int correct);
        Assert.Equal(2000.0, loss, 9);
        Assert.Equal(0, correct);
    }

    [Fact]
    public void Gradient_is_p_minus_y_over_the_batch()
    {
        double[] z = [0.3, -0.2, 1.0, 0.0];
        double[] p = new double[4];
        SoftmaxCrossEntropy.Forward<double>(z, p, [0, 1], 2, out _);
        double[] dz = new double[4];
        SoftmaxCrossEntropy.Backward<double>(p, [0, 1], 2, dz);
        Assert.Equal([(p[0] - 1) / 2, p[1] / 2, p[2] / 2, (p[3] - 1) / 2], dz);
    }
}
