using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>What a model-file mutation does to the node it picks.</summary>
internal enum JsonEdit
{
    /// <summary>Writes a hostile JSON text instead of the node.</summary>
    Replace,

    /// <summary>Leaves the node (a field or an array element) out.</summary>
    Drop,

    /// <summary>Writes the node twice (a duplicate field, or an array one element longer).</summary>
    Duplicate,

    /// <summary>Wraps the node in <c>Depth</c> arrays.</summary>
    Nest,
}

/// <summary>
/// One structural change to a JSON document: the node numbered <see cref="Node"/> in document order (the root is 0)
/// is replaced, dropped, duplicated or nested. The result is written as text, so it may repeat a field name or hold
/// NaN, which no JSON library would produce.
/// </summary>
internal sealed record JsonMutation(int Node, JsonEdit Edit, string Value, int Depth)
{
    public string Apply(JsonNode root)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true, MaxDepth = 1 << 20, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            int next = 0;
            Write(writer, null, root, ref next);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>How many nodes <paramref name="root"/> has (what <see cref="Node"/> counts).</summary>
    public static int Count(JsonNode? root) => 1 + root switch
    {
        JsonObject o => o.Sum(p => Count(p.Value)),
        JsonArray a => a.Sum(Count),
        _ => 0,
    };

    private void Write(Utf8JsonWriter writer, string? name, JsonNode? node, ref int next)
    {
        bool target = next++ == Node;
        int copies = !target ? 1 : Edit switch { JsonEdit.Drop => 0, JsonEdit.Duplicate => 2, _ => 1 };
        int start = next;
        for (int copy = 0; copy < copies; copy++)
        {
            next = start;
            if (name is not null)
            {
                writer.WritePropertyName(name);
            }
            if (target && Edit == JsonEdit.Replace)
            {
                writer.WriteRawValue(Value, skipInputValidation: true);
                next += Count(node) - 1;
                continue;
            }
            int depth = target && Edit == JsonEdit.Nest ? Depth : 0;
            for (int d = 0; d < depth; d++)
            {
                writer.WriteStartArray();
            }
            WriteValue(writer, node, ref next);
            for (int d = 0; d < depth; d++)
            {
                writer.WriteEndArray();
            }
        }
        if (copies == 0)
        {
            next += Count(node) - 1;
        }
    }

    private void WriteValue(Utf8JsonWriter writer, JsonNode? node, ref int next)
    {
        switch (node)
        {
            case JsonObject o:
                writer.WriteStartObject();
                foreach (KeyValuePair<string, JsonNode?> property in o)
                {
                    Write(writer, property.Key, property.Value, ref next);
                }
                writer.WriteEndObject();
                break;
            case JsonArray a:
                writer.WriteStartArray();
                foreach (JsonNode? element in a)
                {
                    Write(writer, null, element, ref next);
                }
                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                // The value's text as it was read: a lone surrogate written by an earlier edit stays as it is.
                writer.WriteRawValue(node.GetValue<JsonElement>().GetRawText(), skipInputValidation: true);
                break;
        }
    }
}
