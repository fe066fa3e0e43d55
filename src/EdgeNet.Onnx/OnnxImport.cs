using System.Text.Json;
using EdgeNet.Layers;
using EdgeNet.Models;
using Google.Protobuf;
using Onnx;

namespace EdgeNet.Onnx;

/// <summary>
/// Reads an MLP from an ONNX file as PyTorch's <c>torch.onnx.export</c> (or EdgeNet's export) writes it: a chain of
/// Gemm (or MatMul + Add) layers with a hidden activation between them and an optional final Softmax, float or
/// double weights. Anything else is refused with one line naming the node and why.
/// </summary>
public static class OnnxImport
{
    private static readonly MessageParser<ModelProto> Parser = ModelProto.Parser.WithDiscardUnknownFields(true);

    /// <summary>Loads an ONNX file as a model.</summary>
    /// <param name="path">The .onnx file.</param>
    /// <param name="classNames">Class names to give the model; null for the file's own (EdgeNet's metadata) or "Class k".</param>
    /// <exception cref="ModelFormatException">The file is not an MLP EdgeNet can run; the message says why in one line.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="ArgumentException"><paramref name="classNames"/> does not have one name per class.</exception>
    public static Model Load(string path, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        // A regular file (not a device, a pipe or a folder) of at most the cap, read without trusting its size.
        byte[] bytes = EdgeNet.IO.InputFile.ReadAllBytes(path, OnnxLimits.MaxFileBytes, "ONNX file");
        return Read(bytes, EdgeNet.IO.UserText.Escape(Path.GetFileName(path)), classNames);
    }

    /// <summary>Reads the bytes of an ONNX file as a model; <paramref name="source"/> names it in messages.</summary>
    /// <inheritdoc cref="Load" path="/param[@name='classNames']"/>
    /// <exception cref="ModelFormatException">The bytes are not an MLP EdgeNet can run; the message says why in one line.</exception>
    /// <exception cref="ArgumentException"><paramref name="classNames"/> does not have one name per class.</exception>
    public static Model Read(byte[] bytes, string source, IReadOnlyList<string>? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(source);
        if (bytes.LongLength > OnnxLimits.MaxFileBytes)
        {
            throw new ModelFormatException($"{source} is {bytes.LongLength} bytes, more than the {OnnxLimits.MaxFileBytes} EdgeNet reads.");
        }
        // Counts and sizes are checked on the bytes before the parser builds anything (OnnxWireScan); unknown
        // fields are dropped, not kept; protobuf's own text never reaches the user.
        OnnxWireScan.Check(bytes, source);
        ModelProto proto;
        try
        {
            proto = Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelFormatException($"{source} is not an ONNX model: its protobuf encoding is broken.", e);
        }
        if (proto.Graph is null || proto.Graph.Node.Count == 0)
        {
            throw new ModelFormatException($"{source} is not an ONNX model: it has no graph.");
        }
        var matcher = new MlpMatcher(proto.Graph, source);
        Network<double> network = matcher.Match();
        IReadOnlyList<string> names = classNames ?? ClassNamesOf(proto, network.Classes, source);
        if (names.Count != network.Classes)
        {
            throw new ArgumentException($"{names.Count} class names were given but the model has {network.Classes} classes.", nameof(classNames));
        }
        return new Model(network, [.. names], null);
    }

    private static IReadOnlyList<string> ClassNamesOf(ModelProto proto, int classes, string source)
    {
        StringStringEntryProto? entry = proto.MetadataProps.LastOrDefault(e => e.Key == OnnxMetadata.ClassNames);
        if (entry is null)
        {
            return [.. Enumerable.Range(0, classes).Select(k => $"Class {k}")];
        }
        var names = new List<string>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(entry.Value);
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement name in document.RootElement.EnumerateArray())
                {
                    names.Add(name.ValueKind == JsonValueKind.String ? name.GetString()! : throw new JsonException());
                }
            }
        }
        catch (JsonException)
        {
            names.Clear();
        }
        if (names.Count != classes || names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ModelFormatException($"{source} cannot be imported: its metadata '{OnnxMetadata.ClassNames}' is not a JSON array of {classes} class names.");
        }
        ModelValidator.CheckClassNames(names, source);                     // as loading the saved model would
        return names;
    }
}
