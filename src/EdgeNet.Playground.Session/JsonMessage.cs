using System.Buffers;
using System.Text.Json;

namespace EdgeNet.Playground;

/// <summary>Builds one JSON message for the page: <c>{"type": …, …}</c>, written straight to UTF-8 (no reflection).</summary>
internal sealed class JsonMessage : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public JsonMessage(string type)
    {
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = false });
        Writer.WriteStartObject();
        Writer.WriteString("type", type);
    }

    public Utf8JsonWriter Writer { get; }

    /// <summary>Closes the object and returns the bytes.</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        Writer.WriteEndObject();
        Writer.Flush();
        return _buffer.WrittenMemory;
    }

    /// <summary>A number, or null when it is not finite (JSON has no NaN).</summary>
    public void Number(string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            Writer.WriteNumber(name, v);
        }
        else
        {
            Writer.WriteNull(name);
        }
    }

    /// <summary>An array of numbers at full double precision (what the page shows as the engine's numbers).</summary>
    public void Numbers(string name, ReadOnlySpan<double> values)
    {
        Writer.WriteStartArray(name);
        foreach (double value in values)
        {
            WriteNumber(value);
        }
        Writer.WriteEndArray();
    }

    /// <summary>An array of numbers rounded to float (for colours only: heatmaps).</summary>
    public void Floats(string name, ReadOnlySpan<double> values)
    {
        Writer.WriteStartArray(name);
        foreach (double value in values)
        {
            float f = (float)value;
            if (float.IsFinite(f))
            {
                Writer.WriteNumberValue(f);
            }
            else
            {
                Writer.WriteNullValue();
            }
        }
        Writer.WriteEndArray();
    }

    public void Strings(string name, IEnumerable<string> values)
    {
        Writer.WriteStartArray(name);
        foreach (string value in values)
        {
            Writer.WriteStringValue(value);
        }
        Writer.WriteEndArray();
    }

    public void WriteNumber(double value)
    {
        if (double.IsFinite(value))
        {
            Writer.WriteNumberValue(value);
        }
        else
        {
            Writer.WriteNullValue();
        }
    }

    public void Dispose() => Writer.Dispose();
}
