using System.Runtime.Intrinsics;
using EdgeNet.Kernels;

namespace EdgeNet.Tests.FastPaths;

/// <summary>
/// Every kernel family that indexes without bounds checks refuses a span too short for the sizes it is given, with
/// <see cref="ArgumentException"/> at its entry, before reading out of bounds (issue #15). Each test first shows the
/// same call with the right length works, then takes one element away.
/// </summary>
public sealed class KernelPreconditionTests
{
    [Fact]
    public void Gemm_refuses_an_a_one_element_short_and_sizes_whose_product_overflows()
    {
        // C [3 × 4] = A [3 × 5] · B [5 × 4]
        var a = new double[3 * 5];
        var b = new double[5 * 4];
        var c = new double[3 * 4];
        Gemm.Multiply<double>(3, 4, 5, a, 5, 1, b, 4, c, 4, GemmStart.Zero, default);

        Assert.Throws<ArgumentException>(() => Gemm.Multiply<double>(3, 4, 5, a.AsSpan(1), 5, 1, b, 4, c, 4, GemmStart.Zero, default));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply<double>(3, 4, 5, a, 5, 1, b, 4, c.AsSpan(1), 4, GemmStart.Zero, default));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply<double>(3, 4, 5, a, 5, 1, b, 4, c, 4, GemmStart.BiasPerColumn, new double[3]));
        // (m − 1)·stride past int: 32-bit arithmetic would wrap to a small number and let the product through
        Assert.Throws<ArgumentException>(() => Gemm.Multiply<double>(65_537, 1, 1, a, 65_536, 1, b, 1, c, 1, GemmStart.Zero, default));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply<double>(-1, 4, 5, a, 5, 1, b, 4, c, 4, GemmStart.Zero, default));
    }

    [Fact]
    public void Feature_major_kernels_refuse_short_spans_and_a_negative_stride()
    {
        // 3 inputs → 2 outputs over a batch of 16 (one vector of lanes)
        const int inputs = 3, outputs = 2, stride = 16;
        var xT = new float[inputs * stride];
        var w = new float[inputs * outputs];
        var bias = new float[outputs];
        var zT = new float[outputs * stride];
        FeatureMajor.Forward(xT, w, bias, zT, default, inputs, outputs, stride, 0, stride);
        FeatureMajorGradients.Bias(zT, bias, outputs, stride);

        Assert.Throws<ArgumentException>(() => FeatureMajor.Forward(xT, w.AsSpan(1), bias, zT, default, inputs, outputs, stride, 0, stride));
        Assert.Throws<ArgumentException>(() => FeatureMajor.Forward(xT, w, bias, zT.AsSpan(1), default, inputs, outputs, stride, 0, stride));
        Assert.Throws<ArgumentException>(() => FeatureMajorGradients.Weights(xT, zT.AsSpan(1), w, inputs, outputs, stride));
        Assert.Throws<ArgumentException>(() => FeatureMajorGradients.Bias(zT, bias, outputs, -16));
        Assert.Throws<ArgumentException>(() => FeatureMajorSoftmax.Labels([0, 1], new float[1], 1));
    }

    [Fact]
    public void One_row_kernels_refuse_a_layer_buffer_one_element_short()
    {
        // Given a 25→8→2 network's arrays as the one-row kernels take them
        var network = Network<double>.Create(25, [8], 2);
        var layers = new RowLayers<double>([25, 8, 2], [.. network.Layers.Select(l => l.Weights)], [.. network.Layers.Select(l => l.Bias)],
            [.. network.Layers.Select(l => new double[l.Weights.Length])], [.. network.Layers.Select(l => new double[l.Bias.Length])]);
        double[][] z = [new double[8], new double[2]], h = [new double[8], new double[2]];
        var x = new double[25];
        SingleRow.ForwardAll<double>(layers, z, h, x);

        Assert.Throws<ArgumentException>(() => SingleRow.ForwardAll<double>(layers, [new double[8], new double[1]], h, x));
        Assert.Throws<ArgumentException>(() => SingleRow.ForwardAll<double>(layers, z, h, x.AsSpan(1)));
        var shortWeights = new RowLayers<double>([25, 8, 2], [new double[(25 * 8) - 1], network.Layers[1].Weights], [.. network.Layers.Select(l => l.Bias)],
            [.. network.Layers.Select(l => new double[l.Weights.Length])], [.. network.Layers.Select(l => new double[l.Bias.Length])]);
        Assert.Throws<ArgumentException>(() => SingleRow.ForwardAll<double>(shortWeights, z, h, x));
        Assert.Throws<ArgumentException>(() => SingleRow.BackwardAll<double>(layers, z, h, z, [new double[7], new double[2]], x, false, 0.1));
    }

    [Fact]
    public void Scan_kernels_refuse_short_spans_and_no_classes()
    {
        // Column softmax over 2 classes × 8 columns; a dense layer of the scanner over one tile
        var z = new double[2 * 8];
        ScanSoftmax.Apply<double>(z, 2, 8, 8);
        Assert.Throws<ArgumentException>(() => ScanSoftmax.Apply<double>(z.AsSpan(1), 2, 8, 8));
        Assert.Throws<ArgumentException>(() => ScanSoftmax.Apply<double>(z, 0, 8, 8));

        int tile = WindowKernel.Vectors * Vector128<double>.Count;
        var hidden = new double[3 * tile];
        var weights = new double[3 * 2];
        var output = new double[2 * tile];
        PixelDense.Forward<double, Vector128<double>, Simd128<double>, Relu>(hidden, weights, new double[2], activate: false, output, tile);
        Assert.Throws<ArgumentException>(() => PixelDense.Forward<double, Vector128<double>, Simd128<double>, Relu>(hidden.AsSpan(1), weights, new double[2], false, output, tile));
        Assert.Throws<ArgumentException>(() => PixelDense.Forward<double, Vector128<double>, Simd128<double>, Relu>(hidden, weights, new double[2], false, output.AsSpan(1), tile));
    }

    [Fact]
    public void Vector_ops_refuse_a_second_span_shorter_than_the_first()
    {
        // The scalar tail of the step reads the gradient by reference: a shorter gradient must never get there
        var parameters = new double[11];
        VectorOps.Descend<double>(parameters, new double[11], 0.1);
        Assert.Throws<ArgumentException>(() => VectorOps.Descend<double>(parameters, new double[10], 0.1));
        Assert.Throws<ArgumentException>(() => Activation.Forward<double, Relu>(new double[11], new double[10]));
        Assert.Throws<ArgumentException>(() => Activation.Backward<double, Relu>(new double[11], new double[11], new double[11], new double[10]));
        Assert.Throws<ArgumentException>(() => VectorOps.SumRows<double>(new double[11], 3, 4, new double[4]));
        Assert.Throws<ArgumentException>(() => VectorOps.Transpose<double>(new double[11], 65_536, 65_536, new double[11]));
    }
}
