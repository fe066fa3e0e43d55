using EdgeNet.Layers;
using EdgeNet.Models;
using Google.Protobuf;
using Onnx;

namespace EdgeNet.Onnx.Tests;

/// <summary>Files that are not an MLP EdgeNet can run are refused in one line that names the node and why.</summary>
public sealed class BadOnnxTests
{
    [Fact]
    public void Bytes_that_are_not_protobuf_are_refused()
    {
        byte[] bytes = "this is not an ONNX model at all"u8.ToArray();
        AssertRefused(bytes, "is not an ONNX model");
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        byte[] whole = OnnxExport.ToBytes(TestModels.Tutorial);
        AssertRefused(whole[..(whole.Length / 2)], "m.onnx");
    }

    [Fact]
    public void An_operator_outside_an_MLP_is_named()
    {
        ModelProto proto = Export();
        proto.Graph.Node.Insert(1, new NodeProto { Name = "conv1", OpType = "Conv", Input = { "layer1.z" }, Output = { "c" } });
        AssertRefused(proto, "node 'conv1' (Conv) is not part of an MLP");
    }

    [Fact]
    public void A_custom_domain_is_refused()
    {
        ModelProto proto = Export();
        proto.Graph.Node[1].Domain = "com.example";
        AssertRefused(proto, "node 'layer1/Relu' (Relu) is from the operator domain 'com.example'");
    }

    [Fact]
    public void A_gemm_with_alpha_other_than_one_is_refused()
    {
        ModelProto proto = Export();
        proto.Graph.Node[0].Attribute.First(a => a.Name == "alpha").F = 2f;
        AssertRefused(proto, "node 'layer1/Gemm' (Gemm) has alpha = 2");
    }

    [Fact]
    public void A_branch_off_the_chain_is_refused()
    {
        ModelProto proto = Export();
        proto.Graph.Node[2].Input[0] = "patch";                 // layer 2's Gemm reads the input, not layer 1's output
        AssertRefused(proto, "node 'layer2/Gemm' (Gemm) does not take the previous node's output");
    }

    [Fact]
    public void Huge_dims_are_refused_before_anything_is_allocated()
    {
        // Given a weight claiming 2^20 × 2^20 numbers (8 TiB of doubles) with none present
        ModelProto proto = Export();
        TensorProto weight = proto.Graph.Initializer.First(t => t.Name == "layer1.weight");
        weight.Dims.Clear();
        weight.Dims.Add([1L << 20, 1L << 20]);
        AssertRefused(proto, $"tensor 'layer1.weight' has {1L << 40} numbers, more than the {OnnxLimits.MaxParameters}");
    }

    [Fact]
    public void Negative_and_overflowing_dims_are_refused()
    {
        ModelProto proto = Export();
        TensorProto weight = proto.Graph.Initializer.First(t => t.Name == "layer1.weight");
        weight.Dims[0] = -25;
        AssertRefused(proto, "tensor 'layer1.weight' has a dimension of -25");
        weight.Dims[0] = long.MaxValue;
        AssertRefused(proto, $"tensor 'layer1.weight' has a dimension of {long.MaxValue}");
    }

    [Fact]
    public void Raw_data_of_the_wrong_length_is_refused()
    {
        ModelProto proto = Export();
        TensorProto bias = proto.Graph.Initializer.First(t => t.Name == "layer2.bias");
        bias.RawData = ByteString.CopyFrom(new byte[3]);
        AssertRefused(proto, "tensor 'layer2.bias' has 3 bytes of data for 2 numbers of 4 bytes");
    }

    [Fact]
    public void Integer_weights_and_non_finite_numbers_are_refused()
    {
        ModelProto proto = Export();
        proto.Graph.Initializer.First(t => t.Name == "layer2.bias").DataType = (int)TensorProto.Types.DataType.Int32;
        AssertRefused(proto, "tensor 'layer2.bias' holds int32 numbers; EdgeNet reads float or double");

        proto = Export();
        TensorProto bias = proto.Graph.Initializer.First(t => t.Name == "layer2.bias");
        bias.ClearRawData();
        bias.FloatData.Add([1f, float.NaN]);
        AssertRefused(proto, "tensor 'layer2.bias' has a value that is not a finite number (at 1)");
    }

    [Fact]
    public void An_activation_after_the_last_layer_is_refused()
    {
        ModelProto proto = Export();
        NodeProto softmax = proto.Graph.Node[^1];
        proto.Graph.Node.Insert(proto.Graph.Node.Count - 1, new NodeProto { Name = "late", OpType = "Relu", Input = { "layer2.z" }, Output = { "late.h" } });
        softmax.Input[0] = "late.h";
        AssertRefused(proto, "node 'late' (Relu) follows the last layer");
    }

    [Fact]
    public void Layers_without_an_activation_between_them_are_refused()
    {
        ModelProto proto = Export();
        proto.Graph.Node.RemoveAt(1);                           // layer 1's Relu
        proto.Graph.Node[1].Input[0] = "layer1.z";
        AssertRefused(proto, "layer 1 has no activation before layer 2");
    }

    [Fact]
    public void Leaky_slopes_other_than_EdgeNets_are_refused_and_ONNXs_default_is_taken()
    {
        // Given a leaky ReLU model: LeakyRelu(alpha) in float, PRelu(z, slope) in double
        Model leaky = TestModels.RandomModel(seed: 4, inputs: 9, hidden: [5], classes: 2, HiddenActivation.LeakyRelu);
        ModelProto f32 = OnnxExport.ToProto(leaky, OnnxPrecision.Float32);
        ModelProto f64 = OnnxExport.ToProto(leaky, OnnxPrecision.Float64);

        // Then LeakyRelu without alpha is ONNX's default, 0.01: EdgeNet's leaky ReLU
        f32.Graph.Node[1].Attribute.Clear();
        Assert.Equal(HiddenActivation.LeakyRelu, OnnxImport.Read(f32.ToByteArray(), "m.onnx").Network.HiddenActivation);

        // And another alpha, another slope or one slope per unit is refused
        f32.Graph.Node[1].Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 0.1f });
        AssertRefused(f32, "node 'layer1/LeakyRelu' (LeakyRelu) has alpha = 0.1; EdgeNet's leaky ReLU has the slope 0.01 only");
        TensorProto slope = f64.Graph.Initializer.Single(t => t.Name == "layer1.slope");
        slope.DoubleData[0] = 0.02;
        AssertRefused(f64, "node 'layer1/PRelu' (PRelu) has the slope 0.02; EdgeNet's leaky ReLU has the slope 0.01 only");
        slope.DoubleData.Add(0.01);
        slope.Dims[0] = 2;
        AssertRefused(f64, "node 'layer1/PRelu' (PRelu) has 2 slopes (one per unit)");
    }

    [Fact]
    public void Names_from_the_file_are_printed_on_one_line()
    {
        ModelProto proto = Export();
        proto.Graph.Node.Insert(1, new NodeProto { Name = "evil\nname\r\u001b[31m", OpType = "Conv", Input = { "layer1.z" }, Output = { "c" } });
        var refused = Assert.Throws<ModelFormatException>(() => OnnxImport.Read(proto.ToByteArray(), "m.onnx"));
        Assert.DoesNotContain('\n', refused.Message);
        Assert.DoesNotContain('\r', refused.Message);
        Assert.DoesNotContain('\u001b', refused.Message);
    }

    [Fact]
    public void Class_names_must_fit_the_model()
    {
        byte[] bytes = OnnxExport.ToBytes(TestModels.Tutorial);
        Assert.Throws<ArgumentException>(() => OnnxImport.Read(bytes, "m.onnx", ["a", "b", "c"]));
        Assert.Equal(["yes", "no"], OnnxImport.Read(bytes, "m.onnx", ["yes", "no"]).ClassNames);
    }

    private static ModelProto Export() => OnnxExport.ToProto(TestModels.Tutorial, OnnxPrecision.Float32);

    private static void AssertRefused(ModelProto proto, string fragment) => AssertRefused(proto.ToByteArray(), fragment);

    private static void AssertRefused(byte[] bytes, string fragment)
    {
        var refused = Assert.Throws<ModelFormatException>(() => OnnxImport.Read(bytes, "m.onnx"));
        Assert.Contains(fragment, refused.Message, StringComparison.Ordinal);
        Assert.StartsWith("m.onnx ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }
}
