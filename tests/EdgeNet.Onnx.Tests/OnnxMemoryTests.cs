using EdgeNet.Models;
using Google.Protobuf;
using Onnx;

namespace EdgeNet.Onnx.Tests;

/// <summary>
/// Given ONNX files built by hand on the wire (tags and lengths) whose parsed form would be far larger than the file
/// (empty nodes, empty initializers, a huge doc string, deep nesting, long lists), then the import refuses them in
/// one line before protobuf builds anything: the memory taken stays bounded whatever the file's size.
/// </summary>
public sealed class OnnxMemoryTests
{
    // onnx.proto's field numbers
    private const int ModelGraph = 7, ModelDoc = 6, GraphNode = 1, GraphInitializer = 5, GraphValueInfo = 13, NodeAttribute = 5, AttributeGraph = 6, TensorDims = 1;

    [Fact]
    public void A_million_empty_nodes_are_refused_at_the_node_cap_without_parsing()
    {
        byte[] file = Model(Field(ModelGraph, Repeated(GraphNode, 1_000_000)));
        AssertRefusedWithin(file, $"cannot be imported: it has more than {OnnxLimits.MaxNodes} nodes, the most EdgeNet reads.");
    }

    [Fact]
    public void A_million_empty_initializers_are_refused_at_the_tensor_cap_without_parsing()
    {
        byte[] file = Model(Field(ModelGraph, Repeated(GraphInitializer, 1_000_000)));
        AssertRefusedWithin(file, $"cannot be imported: it has more than {OnnxLimits.MaxTensors} tensors (initializers and constants), the most EdgeNet reads.");
    }

    [Fact]
    public void Many_empty_messages_of_any_kind_are_refused_at_the_message_cap()
    {
        byte[] file = Model(Field(ModelGraph, Repeated(GraphValueInfo, OnnxLimits.MaxMessages + 10)));
        AssertRefusedWithin(file, $"cannot be imported: it has more than {OnnxLimits.MaxMessages} protobuf messages and strings, the most EdgeNet reads.");
    }

    [Fact]
    public void A_doc_string_past_the_cap_is_refused_without_being_decoded()
    {
        byte[] doc = new byte[OnnxLimits.MaxStringBytes + 1];
        doc.AsSpan().Fill((byte)'d');
        byte[] file = Model(Field(ModelDoc, doc));
        AssertRefusedWithin(file, $"cannot be imported: its ModelProto.doc_string is {doc.Length} bytes, more than the {OnnxLimits.MaxStringBytes} EdgeNet reads.");
    }

    [Fact]
    public void Many_texts_under_the_cap_each_are_refused_at_the_total()
    {
        // Given seventeen names of 1 MiB each, every one under the cap on one text
        byte[] name = new byte[OnnxLimits.MaxStringBytes];
        name.AsSpan().Fill((byte)'n');
        byte[] node = Field(3, name);                                    // NodeProto.name
        byte[] graph = [.. Enumerable.Range(0, 17).SelectMany(_ => Field(GraphNode, node))];

        // Then
        AssertRefusedWithin(Model(Field(ModelGraph, graph)), $"cannot be imported: its names and texts come to more than {OnnxLimits.MaxTotalStringBytes} bytes, the most EdgeNet reads.");
    }

    [Fact]
    public void Deep_nesting_is_refused_in_edgenets_words_not_protobufs()
    {
        // Given 5,000 graphs, each inside an attribute of a node of the one around it
        byte[] inner = [];
        for (int i = 0; i < 5_000; i++)
        {
            inner = Field(GraphNode, Field(NodeAttribute, Field(AttributeGraph, inner)));
        }

        // Then
        string message = AssertRefusedWithin(Model(Field(ModelGraph, inner)), $"cannot be imported: its messages are nested more than {OnnxLimits.MaxNesting} deep.");
        Assert.DoesNotContain("Recursion", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Long_lists_of_numbers_are_refused_at_the_list_cap()
    {
        // Given a tensor whose dims are a packed run of one-byte varints (each a long once parsed: 8 bytes for 1);
        // the cap made small through the scanner's caps (the default is 2^24 + 2^20)
        byte[] dims = new byte[1001];
        byte[] file = Model(Field(ModelGraph, Field(GraphInitializer, Field(TensorDims, dims))));
        var caps = new OnnxParseCaps { MaxNumbers = 1000 };

        // Then
        var refused = Assert.Throws<ModelFormatException>(() => OnnxWireScan.Check(file, "m.onnx", caps));
        Assert.Equal("m.onnx cannot be imported: it has more than 1000 numbers in lists, the most EdgeNet reads.", refused.Message);
        OnnxWireScan.Check(file, "m.onnx", caps with { MaxNumbers = 1001 });
    }

    [Theory]
    [InlineData(new byte[] { 0x3A, 0x05, 0x0A }, 0)]                // the graph claims 5 bytes; 1 follows
    [InlineData(new byte[] { 0x08, 0xFF, 0xFF }, 1)]                // a varint cut off
    [InlineData(new byte[] { 0x0B }, 0)]                            // a group (wire type 3): not in ONNX
    [InlineData(new byte[] { 0x00 }, 0)]                            // field number 0
    public void Broken_encodings_are_named_with_the_byte_not_protobufs_text(byte[] file, int at)
    {
        AssertRefusedWithin(file, $"is not an ONNX model: its protobuf encoding is broken at byte {at} (cut short or not protobuf).");
    }

    [Fact]
    public void Under_the_caps_parsing_takes_memory_in_proportion_to_the_counts()
    {
        // Given the tutorial's model with as many empty nodes and initializers added as the caps allow (each about 300
        // bytes once parsed, from 2 bytes on disk)
        ModelProto proto = OnnxExport.ToProto(TestModels.Tutorial, OnnxPrecision.Float32);
        int nodes = OnnxLimits.MaxNodes - proto.Graph.Node.Count, tensors = OnnxLimits.MaxTensors - proto.Graph.Initializer.Count;
        byte[] file = [.. proto.ToByteArray(), .. Field(ModelGraph, [.. Repeated(GraphNode, nodes), .. Repeated(GraphInitializer, tensors)])];

        // When
        long before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<ModelFormatException>(() => OnnxImport.Read(file, "m.onnx"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then: parsed (the matcher names the first empty node, numbered from 1), within 1 KiB a message
        Assert.StartsWith($"m.onnx cannot be imported: node #{proto.Graph.Node.Count + 1} ()", refused.Message, StringComparison.Ordinal);
        Assert.True(allocated < (long)(OnnxLimits.MaxNodes + OnnxLimits.MaxTensors) * 1024, $"{allocated} bytes allocated for {nodes + tensors} empty messages");
    }

    [Fact]
    public void Unknown_fields_are_dropped_not_kept()
    {
        // Given the tutorial's model with 50,000 unknown varint fields in its graph (number 999)
        byte[] unknown = [.. Enumerable.Repeat<byte[]>([0xB8, 0x3E, 0x01], 50_000).SelectMany(b => b)];
        byte[] file = [.. OnnxExport.ToBytes(TestModels.Tutorial), .. Field(ModelGraph, unknown)];

        // When
        long before = GC.GetAllocatedBytesForCurrentThread();
        Model model = OnnxImport.Read(file, "m.onnx");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then: imported, and the unknown fields took no memory of their own (a kept one costs tens of bytes)
        Assert.Equal(226, model.Network.ParameterCount);
        Assert.True(allocated < 50_000 * 8, $"{allocated} bytes allocated");
    }

    // Reads the file; it must be refused with the message (one line, naming the file) having allocated less than
    // 256 KiB besides the exception: nothing of the file's size was built.
    private static string AssertRefusedWithin(byte[] file, string expected)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<ModelFormatException>(() => OnnxImport.Read(file, "m.onnx"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal($"m.onnx {expected}", refused.Message);
        Assert.True(allocated < 256 * 1024, $"{allocated} bytes allocated for a file of {file.Length}");
        return refused.Message;
    }

    private static byte[] Model(byte[] fields) => fields;

    // One length-delimited field: its tag (wire type 2), the payload's length, the payload.
    private static byte[] Field(int number, byte[] payload) => [.. Varint((ulong)number << 3 | 2), .. Varint((ulong)payload.Length), .. payload];

    // count empty length-delimited fields of one number: two bytes each on disk.
    private static byte[] Repeated(int number, int count)
    {
        byte[] one = Field(number, []);
        byte[] all = new byte[one.Length * count];
        for (int i = 0; i < all.Length; i += one.Length)
        {
            one.CopyTo(all, i);
        }
        return all;
    }

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        bytes.Add((byte)value);
        return [.. bytes];
    }
}
