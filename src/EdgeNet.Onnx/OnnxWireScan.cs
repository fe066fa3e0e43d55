using EdgeNet.Models;
using Google.Protobuf.Reflection;
using Onnx;

namespace EdgeNet.Onnx;

/// <summary>
/// Walks an ONNX file's protobuf wire format (tags and lengths, guided by onnx.proto's descriptors) before
/// Google.Protobuf builds any object of it, and refuses it in one line as soon as a count or a size passes
/// <see cref="OnnxParseCaps"/>: so parsing never takes memory out of proportion to the file (an empty node is two
/// bytes on disk and some hundred bytes parsed), and protobuf's own errors (its recursion limit, a cut-off field) are
/// never what the user reads. Allocates nothing.
/// </summary>
internal ref struct OnnxWireScan
{
    private readonly string _source;
    private readonly OnnxParseCaps _caps;
    private long _nodes;
    private long _tensors;
    private long _objects;
    private long _numbers;
    private long _stringBytes;

    private OnnxWireScan(string source, OnnxParseCaps caps)
    {
        _source = source;
        _caps = caps;
    }

    /// <summary>Checks <paramref name="bytes"/> as a ModelProto; throws <see cref="ModelFormatException"/> naming what is over which cap.</summary>
    public static void Check(ReadOnlySpan<byte> bytes, string source, OnnxParseCaps? caps = null)
    {
        var scan = new OnnxWireScan(source, caps ?? OnnxParseCaps.Default);
        scan.Message(bytes, ModelProto.Descriptor, 0, 1);
    }

    private void Message(ReadOnlySpan<byte> bytes, MessageDescriptor type, long start, int depth)
    {
        if (depth > _caps.MaxDepth)
        {
            throw Refuse($"its messages are nested more than {_caps.MaxDepth} deep");
        }
        CountObject();
        if (type == NodeProto.Descriptor && ++_nodes > _caps.MaxNodes)
        {
            throw Refuse($"it has more than {_caps.MaxNodes} nodes, the most EdgeNet reads");
        }
        if (type == TensorProto.Descriptor && ++_tensors > _caps.MaxTensors)
        {
            throw Refuse($"it has more than {_caps.MaxTensors} tensors (initializers and constants), the most EdgeNet reads");
        }
        int at = 0;
        while (at < bytes.Length)
        {
            long fieldAt = start + at;
            ulong tag = Varint(bytes, ref at, start);
            int number = tag >> 3 is var n and > 0 and <= int.MaxValue ? (int)n : throw Malformed(fieldAt);
            int wire = (int)(tag & 7);
            FieldDescriptor? field = type.FindFieldByNumber(number);
            switch (wire)
            {
                case 0:
                    Varint(bytes, ref at, start);
                    CountScalar(field, 1);
                    break;
                case 1:
                case 5:
                    int size = wire == 1 ? 8 : 4;
                    at = bytes.Length - at >= size ? at + size : throw Malformed(fieldAt);
                    CountScalar(field, 1);
                    break;
                case 2:
                    ulong length = Varint(bytes, ref at, start);
                    if (length > (ulong)(bytes.Length - at))
                    {
                        throw Malformed(fieldAt);
                    }
                    ReadOnlySpan<byte> value = bytes.Slice(at, (int)length);
                    Delimited(value, field, start + at, depth);
                    at += (int)length;
                    break;
                default:
                    throw Malformed(fieldAt);                       // groups (3, 4) are not in ONNX; 6 and 7 are not wire types
            }
        }
    }

    // A length-delimited field: a message, a string, bytes or a packed run of numbers (unknown fields are discarded).
    private void Delimited(ReadOnlySpan<byte> value, FieldDescriptor? field, long start, int depth)
    {
        switch (field?.FieldType)
        {
            case null:
                return;
            case FieldType.Message:
                Message(value, field.MessageType, start, depth + 1);
                return;
            case FieldType.String:
                if (value.Length > _caps.MaxStringBytes)
                {
                    throw Refuse($"its {field.ContainingType.Name}.{field.Name} is {value.Length} bytes, more than the {_caps.MaxStringBytes} EdgeNet reads");
                }
                if ((_stringBytes += value.Length) > _caps.MaxTotalStringBytes)
                {
                    throw Refuse($"its names and texts come to more than {_caps.MaxTotalStringBytes} bytes, the most EdgeNet reads");
                }
                if (field.IsRepeated)
                {
                    CountObject();
                }
                return;
            case FieldType.Bytes:
                if (field.IsRepeated)
                {
                    CountObject();                                  // raw data is bounded by the file; many small ones are objects
                }
                return;
            case FieldType.Double or FieldType.Fixed64 or FieldType.SFixed64:
                CountScalar(field, value.Length / 8);
                return;
            case FieldType.Float or FieldType.Fixed32 or FieldType.SFixed32:
                CountScalar(field, value.Length / 4);
                return;
            default:
                int ends = 0;
                foreach (byte b in value)
                {
                    ends += b >> 7 ^ 1;                             // a varint ends at each byte below 0x80
                }
                CountScalar(field, ends);
                return;
        }
    }

    private void CountObject()
    {
        if (++_objects > _caps.MaxObjects)
        {
            throw Refuse($"it has more than {_caps.MaxObjects} protobuf messages and strings, the most EdgeNet reads");
        }
    }

    private void CountScalar(FieldDescriptor? field, long count)
    {
        if (field is { IsRepeated: true } && (_numbers += count) > _caps.MaxNumbers)
        {
            throw Refuse($"it has more than {_caps.MaxNumbers} numbers in lists, the most EdgeNet reads");
        }
    }

    private ulong Varint(ReadOnlySpan<byte> bytes, ref int at, long start)
    {
        long varintAt = start + at;
        ulong result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (at >= bytes.Length)
            {
                throw Malformed(varintAt);
            }
            byte b = bytes[at++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }
        throw Malformed(varintAt);
    }

    private readonly ModelFormatException Malformed(long at) =>
        new($"{_source} is not an ONNX model: its protobuf encoding is broken at byte {at} (cut short or not protobuf).");

    private readonly ModelFormatException Refuse(string why) => new($"{_source} cannot be imported: {why}.");
}

/// <summary>
/// What <see cref="OnnxWireScan"/> lets through to the parser (<see cref="Default"/> is <see cref="OnnxLimits"/>'s);
/// tests make them small.
/// </summary>
internal sealed record OnnxParseCaps
{
    public static OnnxParseCaps Default { get; } = new();

    public int MaxDepth { get; init; } = OnnxLimits.MaxNesting;

    public long MaxNodes { get; init; } = OnnxLimits.MaxNodes;

    public long MaxTensors { get; init; } = OnnxLimits.MaxTensors;

    public long MaxObjects { get; init; } = OnnxLimits.MaxMessages;

    public long MaxNumbers { get; init; } = OnnxLimits.MaxListNumbers;

    public long MaxStringBytes { get; init; } = OnnxLimits.MaxStringBytes;

    public long MaxTotalStringBytes { get; init; } = OnnxLimits.MaxTotalStringBytes;
}
