using System.Buffers.Binary;
using Onnx;

namespace EdgeNet.Onnx;

/// <summary>
/// The numbers of an untrusted float or double tensor: dims and counts checked in 64-bit arithmetic against
/// <see cref="OnnxLimits"/> before anything is allocated, raw (little-endian) or typed fields, all finite.
/// </summary>
internal static class TensorValues
{
    /// <summary>The tensor's numbers as doubles (floats widen exactly); <paramref name="fail"/> makes the one-line error.</summary>
    public static double[] Read(TensorProto tensor, Func<string, Exception> fail)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External || tensor.ExternalData.Count > 0)
        {
            throw fail("keeps its numbers in an external file, which EdgeNet does not read");
        }
        long count = Count(tensor.Dims, fail);
        var type = (TensorProto.Types.DataType)tensor.DataType;
        int size = type switch
        {
            TensorProto.Types.DataType.Float => sizeof(float),
            TensorProto.Types.DataType.Double => sizeof(double),
            _ => throw fail($"holds {TypeName(tensor.DataType)} numbers; EdgeNet reads float or double"),
        };
        double[] values;
        if (tensor.HasRawData)
        {
            if (tensor.RawData.Length != count * size)
            {
                throw fail($"has {tensor.RawData.Length} bytes of data for {count} numbers of {size} bytes");
            }
            values = new double[count];
            ReadOnlySpan<byte> raw = tensor.RawData.Span;
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = size == sizeof(float)
                    ? BinaryPrimitives.ReadSingleLittleEndian(raw[(i * size)..])
                    : BinaryPrimitives.ReadDoubleLittleEndian(raw[(i * size)..]);
            }
        }
        else if (size == sizeof(float))
        {
            values = Typed(tensor.FloatData.Count, count, fail);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = tensor.FloatData[i];
            }
        }
        else
        {
            values = Typed(tensor.DoubleData.Count, count, fail);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = tensor.DoubleData[i];
            }
        }
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw fail($"has a value that is not a finite number (at {i})");
            }
        }
        return values;
    }

    /// <summary>The number of elements the dims describe, checked against the caps.</summary>
    public static long Count(IReadOnlyList<long> dims, Func<string, Exception> fail)
    {
        if (dims.Count > 2)
        {
            throw fail($"has {dims.Count} dimensions; weights have 2 and biases 1 or 2");
        }
        long count = 1;
        foreach (long dim in dims)
        {
            if (dim < 1 || dim > OnnxLimits.MaxWidth)
            {
                throw fail($"has a dimension of {dim} (allowed: 1 to {OnnxLimits.MaxWidth})");
            }
            count *= dim;                                   // ≤ 2^40 for two dims of ≤ 2^20: no overflow
        }
        if (count > OnnxLimits.MaxParameters)
        {
            throw fail($"has {count} numbers, more than the {OnnxLimits.MaxParameters} EdgeNet reads");
        }
        return count;
    }

    private static double[] Typed(int present, long count, Func<string, Exception> fail) =>
        present == count ? new double[count] : throw fail($"has {present} numbers but its dims say {count}");

    private static string TypeName(int type) =>
        Enum.IsDefined((TensorProto.Types.DataType)type) ? ((TensorProto.Types.DataType)type).ToString().ToLowerInvariant() : $"type {type}";
}
