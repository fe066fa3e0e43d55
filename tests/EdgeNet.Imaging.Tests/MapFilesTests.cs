using System.Buffers.Binary;
using System.Text;
using EdgeNet.Data;
using EdgeNet.Inference;

namespace EdgeNet.Imaging.Tests;

public sealed class MapFilesTests
{
    // A 3×2 orientation map: pixel i has p(None) = i/10 and the rest on one edge class each.
    private static ProbabilityMap SampleMap()
    {
        const int pixels = 6;
        var planes = new double[5 * pixels];
        for (int i = 0; i < pixels; i++)
        {
            planes[EdgeTasks.None * pixels + i] = i / 10.0;
            planes[(i % 4) * pixels + i] = 1 - i / 10.0;
        }
        return new ProbabilityMap(3, 2, EdgeTasks.OrientationClasses, planes);
    }

    [Fact]
    public void Npy_has_numpys_header_and_the_planes_as_little_endian_doubles()
    {
        // Given
        ProbabilityMap map = SampleMap();
        using var stream = new MemoryStream();

        // When
        RawMapFile.WriteNpy(stream, map);
        byte[] bytes = stream.ToArray();

        // Then
        Assert.Equal([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0], bytes[..8]);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Assert.Equal(0, (10 + headerLength) % 64);
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Contains("'descr': '<f8'", header, StringComparison.Ordinal);
        Assert.Contains("'shape': (5, 2, 3)", header, StringComparison.Ordinal);
        Assert.EndsWith("\n", header, StringComparison.Ordinal);
        double[] data = [.. Enumerable.Range(0, 30).Select(i => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(10 + headerLength + 8 * i)))];
        Assert.Equal(map.Values.ToArray(), data);
    }

    [Fact]
    public void Csv_has_a_line_per_pixel_with_every_class()
    {
        ProbabilityMap map = SampleMap();
        using var stream = new MemoryStream();

        RawMapFile.WriteCsv(stream, map);
        string[] lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(7, lines.Length);
        Assert.Equal("y,x," + string.Join(",", EdgeTasks.OrientationClasses), lines[0]);
        Assert.Equal("1,2,0,0.5,0,0,0.5", lines[6]);                    // pixel 5: class 1 gets 0.5, None 0.5
    }

    [Fact]
    public void Raw_file_of_another_extension_is_refused_and_nothing_is_written()
    {
        string folder = Directory.CreateTempSubdirectory("edgenet-").FullName;
        try
        {
            Assert.Throws<ArgumentException>(() => RawMapFile.Write(Path.Combine(folder, "map.txt"), SampleMap()));
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Probability_png_is_white_where_the_edge_is_certain_and_black_where_it_is_not()
    {
        // Given p(Edge) 1 at the left pixel, 0 at the right one
        var map = new ProbabilityMap(2, 1, Dataset.EdgeClasses, [1, 0, 0, 1]);

        // When
        using var bitmap = DrawnImages.Decode(EdgeMapImages.Probability(map));

        // Then
        Assert.Equal(255, bitmap.GetPixel(0, 0).Red);
        Assert.Equal(0, bitmap.GetPixel(1, 0).Red);
    }

    [Fact]
    public void Orientation_png_gives_each_edge_class_its_colour_scaled_by_its_probability()
    {
        ProbabilityMap map = SampleMap();

        using var bitmap = DrawnImages.Decode(EdgeMapImages.Orientation(map));

        for (int i = 0; i < 6; i++)
        {
            (byte r, byte g, byte b) = EdgeColors.Of(i % 4, EdgeTasks.None);
            double weight = 1 - i / 10.0;
            var pixel = bitmap.GetPixel(i % 3, i / 3);
            Assert.Equal((int)Math.Round(weight * r), pixel.Red);
            Assert.Equal((int)Math.Round(weight * g), pixel.Green);
            Assert.Equal((int)Math.Round(weight * b), pixel.Blue);
        }
    }

    [Fact]
    public void Overlay_keeps_the_dimmed_photo_where_there_is_no_edge()
    {
        // Given a photo at 0.8 and a map with no edge at the left pixel, a certain edge at the right one
        var photo = new GrayImage(2, 1, [0.8, 0.8]);
        var map = new ProbabilityMap(2, 1, Dataset.EdgeClasses, [0, 1, 1, 0]);

        using var bitmap = DrawnImages.Decode(EdgeMapImages.Overlay(photo, map));

        Assert.Equal(102, bitmap.GetPixel(0, 0).Red);                    // 255 · 0.8 / 2
        Assert.Equal(EdgeColors.SingleEdge.R, bitmap.GetPixel(1, 0).Red);
        Assert.Equal(EdgeColors.SingleEdge.G, bitmap.GetPixel(1, 0).Green);
    }
}
