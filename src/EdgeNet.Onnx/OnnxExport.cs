using System.Text.Json;
using EdgeNet.Data;
using EdgeNet.IO;
using EdgeNet.Layers;
using EdgeNet.Models;
using Google.Protobuf;
using Onnx;

namespace EdgeNet.Onnx;

/// <summary>
/// Writes a model as ONNX (opset 17, IR version 8): input <c>patch</c> [N, inputs], output <c>probabilities</c>
/// [N, classes] with a dynamic batch N; per layer a Gemm and (between layers) the hidden activation, then Softmax.
/// Leaky ReLU is LeakyRelu in float32 and PRelu with a double slope in float64 (LeakyRelu's slope is a float).
/// Class names, patch size, task and EdgeNet's version go in the metadata.
/// </summary>
public static class OnnxExport
{
    /// <summary>The ONNX operator set the files use.</summary>
    public const int Opset = 17;

    /// <summary>The ONNX IR version the files declare (the newest Debian's onnx 1.12 checker validates).</summary>
    public const int IrVersion = 8;

    /// <summary>Name of the graph's input: the patches, one per row.</summary>
    public const string InputName = "patch";

    /// <summary>Name of the graph's output: the class probabilities, one row per patch.</summary>
    public const string OutputName = "probabilities";

    /// <summary>Saves <paramref name="model"/> as an ONNX file (temporary file, then rename).</summary>
    public static void Save(Model model, string path, OnnxPrecision precision = OnnxPrecision.Float32)
    {
        byte[] bytes = ToBytes(model, precision);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    /// <summary>The ONNX file's bytes for <paramref name="model"/>.</summary>
    public static byte[] ToBytes(Model model, OnnxPrecision precision = OnnxPrecision.Float32) =>
        ToProto(model, precision).ToByteArray();

    internal static ModelProto ToProto(Model model, OnnxPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Enum.IsDefined(precision))
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision.");
        }
        Network<double> network = model.Network;
        var type = precision == OnnxPrecision.Float64 ? TensorProto.Types.DataType.Double : TensorProto.Types.DataType.Float;
        var graph = new GraphProto { Name = "edgenet" };
        graph.Input.Add(Value(InputName, type, network.Inputs));
        graph.Output.Add(Value(OutputName, type, network.Classes));

        string current = InputName;
        for (int l = 0; l < network.Layers.Count; l++)
        {
            Dense<double> layer = network.Layers[l];
            string prefix = $"layer{l + 1}";
            graph.Initializer.Add(Tensor($"{prefix}.weight", type, [layer.Inputs, layer.Outputs], layer.Weights));
            graph.Initializer.Add(Tensor($"{prefix}.bias", type, [layer.Outputs], layer.Bias));
            var gemm = new NodeProto { Name = $"{prefix}/Gemm", OpType = "Gemm", Output = { $"{prefix}.z" } };
            gemm.Input.Add([current, $"{prefix}.weight", $"{prefix}.bias"]);
            gemm.Attribute.Add(Float("alpha", 1f));
            gemm.Attribute.Add(Float("beta", 1f));
            graph.Node.Add(gemm);
            current = gemm.Output[0];
            if (l < network.Layers.Count - 1)
            {
                (NodeProto activation, TensorProto? slope) = OnnxActivations.Node(network.HiddenActivation, type, current, $"{prefix}.h", prefix);
                if (slope is not null)
                {
                    graph.Initializer.Add(slope);
                }
                graph.Node.Add(activation);
                current = activation.Output[0];
            }
        }
        var softmax = new NodeProto { Name = "softmax", OpType = "Softmax", Input = { current }, Output = { OutputName } };
        softmax.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(softmax);

        var proto = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "EdgeNet",
            ProducerVersion = OnnxMetadata.EdgeNetVersion,
            DocString = $"EdgeNet MLP {string.Join("→", [network.Inputs, .. network.HiddenSizes, network.Classes])}: patch → probabilities.",
            Graph = graph,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = Opset });
        proto.MetadataProps.Add(Entry(OnnxMetadata.ClassNames, JsonArray(model.ClassNames)));
        if (model.PatchSize is int side)
        {
            proto.MetadataProps.Add(Entry(OnnxMetadata.PatchSize, side.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (model.Task is EdgeTask task)
        {
            proto.MetadataProps.Add(Entry(OnnxMetadata.Task, EdgeTasks.Name(task)));
        }
        proto.MetadataProps.Add(Entry(OnnxMetadata.Activation, OnnxActivations.Name(model)));
        proto.MetadataProps.Add(Entry(OnnxMetadata.Version, OnnxMetadata.EdgeNetVersion));
        return proto;
    }

    private static ValueInfoProto Value(string name, TensorProto.Types.DataType type, int width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    // Little-endian raw_data, as the ONNX spec requires.
    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, long[] dims, double[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.Add(dims);
        byte[] raw;
        if (type == TensorProto.Types.DataType.Double)
        {
            raw = new byte[values.Length * sizeof(double)];
            for (int i = 0; i < values.Length; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(raw.AsSpan(i * sizeof(double)), values[i]);
            }
        }
        else
        {
            raw = new byte[values.Length * sizeof(float)];
            for (int i = 0; i < values.Length; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), (float)values[i]);
            }
        }
        tensor.RawData = ByteString.CopyFrom(raw);
        return tensor;
    }

    private static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static StringStringEntryProto Entry(string key, string value) => new() { Key = key, Value = value };

    private static string JsonArray(IReadOnlyList<string> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (string value in values)
            {
                writer.WriteStringValue(value);
            }
            writer.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
