using System.Globalization;
using EdgeNet.Kernels;
using EdgeNet.Layers;

namespace EdgeNet.Benchmarks;

/// <summary>
/// `parts`: where one 784→256→10 batch-64 float32 step spends its time, kernel by kernel (same timing as
/// <see cref="SideBySide"/>): the GEMMs of both layers, ReLU, the gate, the update.
/// </summary>
public static class MlpParts
{
    public static void Run(TextWriter output)
    {
        const int batch = 64, inputs = 784, hidden = 256, classes = 10;
        var random = new NumpyRandom(0);
        float[] x = [.. Enumerable.Range(0, batch * inputs).Select(_ => (float)random.Randn())];
        var l1 = new Dense<float>(inputs, hidden);
        var l2 = new Dense<float>(hidden, classes);
        for (int i = 0; i < l1.Weights.Length; i++)
        {
            l1.Weights[i] = (float)(random.Randn() * 0.05);
        }
        for (int i = 0; i < l2.Weights.Length; i++)
        {
            l2.Weights[i] = (float)(random.Randn() * 0.05);
        }
        float[] z1 = new float[batch * hidden], h = new float[batch * hidden], z2 = new float[batch * classes];
        float[] dz2 = new float[batch * classes], dh = new float[batch * hidden], dz1 = new float[batch * hidden];
        float[] p = new float[batch * classes];
        int[] labels = [.. Enumerable.Range(0, batch).Select(n => n % 10)];
        l1.Forward(x, z1, batch);
        Activation.Forward<float, Relu>(z1, h);
        l2.Forward(h, z2, batch);
        for (int i = 0; i < dz2.Length; i++) { dz2[i] = (float)(random.Randn() * 0.01); }
        for (int i = 0; i < dz1.Length; i++) { dz1[i] = (float)(random.Randn() * 0.01); }

        void Part(string name, Func<double> op, double flop)
        {
            (double median, double q1, double q3, double min) = SideBySide.Measure(op);
            string g = flop > 0 ? string.Create(CultureInfo.InvariantCulture, $" {flop / median,7:F1} GFLOP/s") : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-28} {median / 1000,8:F1} µs  (q1 {q1 / 1000:F1}, q3 {q3 / 1000:F1}, min {min / 1000:F1}){g}"));
        }

        Part("forward1 z1=x·W1+b1", () => { l1.Forward(x, z1, batch); return z1[0]; }, 2.0 * batch * inputs * hidden);
        Part("relu", () => { Activation.Forward<float, Relu>(z1, h); return h[0]; }, 0);
        Part("forward2 z2=h·W2+b2", () => { l2.Forward(h, z2, batch); return z2[0]; }, 2.0 * batch * hidden * classes);
        Part("softmax+loss", () => SoftmaxCrossEntropy.Forward<float>(z2, p, labels, classes, out _), 0);
        Part("backward2 dW2,db2,dh", () => { l2.Backward(h, dz2, dh, batch); return dh[0]; }, 4.0 * batch * hidden * classes);
        Part("  dW2 = hᵀ·dz2", () => { Gemm.Multiply<float>(hidden, classes, batch, h, 1, hidden, dz2, classes, l2.WeightGradient, classes, GemmStart.Zero, default); return 0; }, 2.0 * batch * hidden * classes);
        float[] w2t = new float[hidden * classes];
        Part("  transpose W2", () => { VectorOps.Transpose<float>(l2.Weights, hidden, classes, w2t); return 0; }, 0);
        Part("  dh = dz2·W2ᵀ", () => { Gemm.Multiply<float>(batch, hidden, classes, dz2, classes, 1, w2t, hidden, dh, hidden, GemmStart.Zero, default); return 0; }, 2.0 * batch * hidden * classes);
        Part("gate", () => { Activation.Backward<float, Relu>(z1, z1, dh, dz1); return dz1[0]; }, 0);
        Part("backward1 dW1,db1", () => { l1.Backward(x, dz1, [], batch); return l1.WeightGradient[0]; }, 2.0 * batch * inputs * hidden);
        Part("descend W1", () => { VectorOps.Descend<float>(l1.Weights, l1.WeightGradient, 0f); return l1.Weights[0]; }, 0);
    }
}
