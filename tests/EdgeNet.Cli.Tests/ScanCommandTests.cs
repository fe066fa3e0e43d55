using EdgeNet.Imaging;
using SkiaSharp;

namespace EdgeNet.Cli.Tests;

public sealed class ScanCommandTests(ScanFixture trained) : IClassFixture<ScanFixture>
{
    [Fact]
    public void Scan_writes_the_map_the_sobel_map_the_overlay_and_the_raw_numbers_at_the_image_size()
    {
        // Given
        using var folder = new TempFolder();
        string map = folder.File("edges.png");

        // When
        CliRun run = CliRun.Of("scan", "--model", trained.Model, trained.Scene, "--out", map, "--sobel", "--overlay", "--probability", "--raw", folder.File("edges.npy"));

        // Then
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(["edges.npy", "edges.overlay.png", "edges.png", "edges.probability.png", "edges.sobel.png"], folder.Entries());
        foreach (string png in new[] { "edges.png", "edges.overlay.png", "edges.probability.png", "edges.sobel.png" })
        {
            using SKBitmap bitmap = SKBitmap.Decode(folder.File(png));
            Assert.Equal((64, 48), (bitmap.Width, bitmap.Height));
        }
        long header = new FileInfo(folder.File("edges.npy")).Length - 8L * 5 * 64 * 48;     // 5 planes of doubles after the header
        Assert.Equal(0, header % 64);
        Assert.InRange(header, 64, 256);
        Assert.Contains("Correlation with Sobel: r = ", run.Out, StringComparison.Ordinal);
        Assert.Contains("repeats the nearest pixel", run.Out, StringComparison.Ordinal);
        Assert.Contains("vermillion = Vertical dark→bright", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Orientation_model_writes_its_colour_map_alone_unless_the_gray_probability_map_is_asked_for()
    {
        using var folder = new TempFolder();

        CliRun alone = CliRun.Of("scan", "--model", trained.Model, trained.Scene, "--out", folder.File("alone.png"));
        CliRun both = CliRun.Of("scan", "--model", trained.Model, trained.Scene, "--out", folder.File("both.png"), "--probability");

        Assert.True(alone.ExitCode == 0, alone.Error);
        Assert.True(both.ExitCode == 0, both.Error);
        Assert.Equal(["alone.png", "both.png", "both.probability.png"], folder.Entries());
        using SKBitmap colours = SKBitmap.Decode(folder.File("alone.png"));
        using SKBitmap gray = SKBitmap.Decode(folder.File("both.probability.png"));
        Assert.Contains(colours.Pixels, c => c.Red != c.Green || c.Green != c.Blue);       // the map is in colour
        Assert.All(gray.Pixels, c => Assert.True(c.Red == c.Green && c.Green == c.Blue));
        Assert.DoesNotContain("probability.png", alone.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_of_the_scene_agrees_with_sobel()
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of("scan", "--model", trained.Model, trained.Scene, "--out", folder.File("edges.png"), "--sobel");

        // Then r is printed and clearly positive (the drawn shapes' outlines are where both maps respond)
        string line = run.Out.Split('\n').Single(l => l.StartsWith("Correlation with Sobel", StringComparison.Ordinal));
        double r = double.Parse(line.Split("r = ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(r, 0.4, 1);
    }

    [Fact]
    public void Timings_follow_the_summary_with_every_stage_and_cpu_that_adds_up_to_at_most_the_process()
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of("scan", "--model", trained.Model, trained.Scene, "--out", folder.File("e.png"), "--overlay", "--timings");

        // Then after what was written comes the table: a row a stage, wall and CPU, and the process's CPU at the end
        Assert.True(run.ExitCode == 0, run.Error);
        string[] lines = run.Out.Split('\n');
        int table = Array.FindIndex(lines, l => l.StartsWith("Timings: 1 photo, 0.0 MP, ", StringComparison.Ordinal));
        Assert.True(table > Array.FindIndex(lines, l => l.StartsWith("Wrote:", StringComparison.Ordinal)), run.Out);
        Assert.Matches("[0-9]+-bit vectors|no vector FMA", lines[table]);
        double Cpu(string stage)
        {
            string row = lines.Skip(table).Single(l => l.StartsWith("  " + stage + "  ", StringComparison.Ordinal));
            string[] seconds = row[(2 + stage.Length)..].Split(" s", StringSplitOptions.TrimEntries);
            return double.Parse(seconds[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture);
        }
        string[] stages = ["read files", "decode", "gray conversion", "network", "thinning and painting", "encoding (PNG)", "writing"];
        double counted = stages.Sum(Cpu);
        Assert.InRange(counted, 0.0, Cpu("all") + 0.002);                   // each printed to the millisecond
        Assert.Contains(lines.Skip(table), l => l.StartsWith("  waiting for the decoder", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_raw_output_has_a_line_per_pixel()
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of("scan", "--model", trained.Model, trained.Scene, "--out", folder.File("e.png"), "--raw", folder.File("e.csv"));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(1 + 64 * 48, File.ReadLines(folder.File("e.csv")).Count());
    }

    [Fact]
    public void Not_an_image_is_refused()
    {
        using var folder = new TempFolder();
        string image = folder.Write("photo.png", "this is text, not a picture");

        AssertRefused(folder, "not an image", image);
    }

    [Fact]
    public void Truncated_image_is_refused()
    {
        using var folder = new TempFolder();
        byte[] whole = File.ReadAllBytes(trained.Scene);
        string image = folder.File("cut.png");
        File.WriteAllBytes(image, whole[..(whole.Length / 2)]);

        AssertRefused(folder, "truncated", image);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        using var folder = new TempFolder();
        string image = folder.Write("empty.jpg", string.Empty);

        AssertRefused(folder, "empty", image);
    }

    [Fact]
    public void One_pixel_image_is_refused()
    {
        using var folder = new TempFolder();
        string image = folder.File("dot.png");
        using (var bitmap = new SKBitmap(1, 1))
        using (SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100))
        {
            File.WriteAllBytes(image, data.ToArray());
        }

        AssertRefused(folder, "1×1 pixels", image);
    }

    [Fact]
    public void Image_above_the_pixel_limit_is_refused_and_the_message_says_how_to_raise_it()
    {
        using var folder = new TempFolder();

        AssertRefused(folder, "--max-pixels 3072", trained.Scene, "--max-pixels", "3000");
    }

    [Fact]
    public void Patch_size_that_does_not_match_the_model_is_refused()
    {
        using var folder = new TempFolder();

        AssertRefused(folder, "--patch 7 does not match the model, which reads 5×5", trained.Scene, "--patch", "7");
    }

    [Theory]
    [InlineData("must name a .png", "edges.jpg")]
    [InlineData("must name a .npy or .csv", "edges.png", "--raw", "edges.txt")]
    public void Output_names_are_checked_before_any_work(string expected, string output, params string[] more)
    {
        using var folder = new TempFolder();
        string[] rest = [.. more.Select(m => m.Contains('.', StringComparison.Ordinal) ? folder.File(m) : m)];

        CliRun run = CliRun.Of(["scan", "--model", trained.Model, trained.Scene, "--out", folder.File(output), .. rest]);

        run.AssertOneLineError(expected);
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void Model_that_reads_no_square_patch_is_refused()
    {
        using var folder = new TempFolder();
        string csv = folder.Write("six.csv", "0,0.1,0.1,0.9,0.1,0.1,0.9\n1,0.5,0.5,0.5,0.5,0.5,0.5\n");
        string model = folder.File("six.json");
        Assert.Equal(0, CliRun.Of("train", "--data", csv, "--epochs", "1", "--save", model).ExitCode);

        CliRun run = CliRun.Of("scan", "--model", model, trained.Scene, "--out", folder.File("e.png"));

        run.AssertOneLineError("not a square patch");
        Assert.Equal(["six.csv", "six.json"], folder.Entries());
    }

    // One line on stderr, a non-zero exit, and nothing written into the folder.
    private void AssertRefused(TempFolder folder, string expected, string image, params string[] more)
    {
        string[] before = folder.Entries();

        CliRun run = CliRun.Of(["scan", "--model", trained.Model, image, "--out", folder.File("edges.png"), "--overlay", "--raw", folder.File("edges.npy"), .. more]);

        run.AssertOneLineError(expected);
        Assert.Equal(before, folder.Entries());
    }
}
