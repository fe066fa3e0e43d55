using SkiaSharp;

namespace EdgeNet.Cli.Tests;

public sealed class ScanFolderTests(ScanFixture trained) : IClassFixture<ScanFixture>
{
    [Fact]
    public void Folder_with_a_bad_file_among_good_ones_writes_every_good_map_names_the_bad_one_and_exits_1()
    {
        // Given a folder of three drawn photos, a text file named like a photo, and a photo cut in half
        using var photos = new TempFolder();
        using var output = new TempFolder();
        foreach (string name in new[] { "a.png", "b.png", "c.png" })
        {
            File.Copy(trained.Scene, photos.File(name));
        }
        photos.Write("bad.jpg", "not a picture");
        byte[] whole = File.ReadAllBytes(trained.Scene);
        File.WriteAllBytes(photos.File("cut.png"), whole[..(whole.Length / 2)]);
        photos.Write("notes.txt", "not a photo, not scanned");

        // When the folder is scanned
        CliRun run = CliRun.Of("scan", "--model", trained.Model, photos.Path, "--out-dir", output.Path);

        // Then each good photo has its maps, the two bad ones are named on stderr, and the exit code is 1
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["a.edges.png", "b.edges.png", "c.edges.png"], output.Entries());      // one map a photo (--probability adds the gray one)
        using (SKBitmap map = SKBitmap.Decode(output.File("b.edges.png")))
        {
            Assert.Equal((64, 48), (map.Width, map.Height));
        }
        string[] errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(errors, e => e.StartsWith("edgenet: 'bad.jpg': ", StringComparison.Ordinal) && e.Contains("not an image", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("edgenet: 'cut.png': ", StringComparison.Ordinal) && e.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains("2 of 5 photos could not be scanned", errors[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);

        // and, output being redirected, one plain line a photo, then the totals
        string[] lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("[1/5] a.png → ", lines[0], StringComparison.Ordinal);
        Assert.Contains("photos/s", lines[0], StringComparison.Ordinal);
        Assert.Contains("MP/s", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("[3/5] bad.jpg failed", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("Scanned 3 of 5 photos", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Recursive_scan_puts_each_map_in_the_same_subfolder_and_asked_for_pictures_beside_it()
    {
        using var photos = new TempFolder();
        using var output = new TempFolder();
        Directory.CreateDirectory(Path.Combine(photos.File("trip"), "day2"));
        File.Copy(trained.Scene, photos.File("top.png"));
        File.Copy(trained.Scene, Path.Combine(photos.File("trip"), "beach.png"));
        File.Copy(trained.Scene, Path.Combine(photos.File("trip"), "day2", "dune.png"));

        CliRun flat = CliRun.Of("scan", "--model", trained.Model, photos.Path, "--out-dir", output.File("flat"));
        CliRun deep = CliRun.Of("scan", "--model", trained.Model, photos.Path, "--out-dir", output.File("deep"), "--recursive", "--sobel", "--thin", "--threshold", "0.5");

        Assert.True(flat.ExitCode == 0, flat.Error);
        Assert.True(deep.ExitCode == 0, deep.Error);
        Assert.False(Directory.Exists(Path.Combine(output.File("flat"), "trip")));
        Assert.True(File.Exists(Path.Combine(output.File("deep"), "trip", "beach.edges.png")));
        Assert.True(File.Exists(Path.Combine(output.File("deep"), "trip", "beach.sobel.png")));
        Assert.True(File.Exists(Path.Combine(output.File("deep"), "top.edges.png")));
        Assert.True(File.Exists(Path.Combine(output.File("deep"), "trip", "day2", "dune.edges.png")));
    }

    [Fact]
    public void An_output_that_is_a_photo_is_refused_before_any_work_even_through_a_link()
    {
        // Given a folder of photos and an output folder where b's map would go is a link to the photo b.png
        using var photos = new TempFolder();
        using var output = new TempFolder();
        File.Copy(trained.Scene, photos.File("a.png"));
        File.Copy(trained.Scene, photos.File("b.png"));
        File.CreateSymbolicLink(output.File("b.edges.png"), photos.File("b.png"));
        byte[] before = File.ReadAllBytes(photos.File("b.png"));

        // When the folder is scanned into it
        CliRun run = CliRun.Of("scan", "--model", trained.Model, photos.Path, "--out-dir", output.Path);

        // Then it is a usage error naming the photo, and nothing is written: not a's map, not over b
        run.AssertOneLineError("never writes over its input");
        Assert.Contains("b.png", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["b.edges.png"], output.Entries());
        Assert.Equal(before, File.ReadAllBytes(photos.File("b.png")));
    }

    [Fact]
    public void A_photo_named_as_its_own_map_is_refused_before_any_work()
    {
        using var photos = new TempFolder();
        File.Copy(trained.Scene, photos.File("a.png"));
        File.Copy(trained.Scene, photos.File("a.edges.png"));

        CliRun run = CliRun.Of("scan", "--model", trained.Model, photos.File("a.png"), photos.File("a.edges.png"), "--out-dir", photos.Path);

        run.AssertOneLineError("never writes over its input");
        Assert.Equal(["a.edges.png", "a.png"], photos.Entries());
    }

    [Fact]
    public void A_bad_file_with_control_characters_in_its_name_is_named_on_one_escaped_line()
    {
        // Given a bad photo whose name holds a terminal escape and a newline, and a long-named good one
        using var photos = new TempFolder();
        using var output = new TempFolder();
        string hostile = "evil\u001b[2J\nline.png";
        photos.Write(hostile, "not a picture");
        File.Copy(trained.Scene, photos.File(new string('g', 200) + ".png"));

        CliRun run = CliRun.Of("scan", "--model", trained.Model, photos.Path, "--out-dir", output.Path);

        // Then the good photo is written, and each failure is one line with the name escaped and cut
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(new string('g', 200) + ".edges.png", output.Entries());
        string[] errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.StartsWith("edgenet: 'evil\\e[2J\\nline.png': ", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Error + run.Out);
        Assert.All(errors, e => Assert.True(e.Length <= 9 + EdgeNet.IO.UserText.MaxLine + 1, e));
    }

    [Fact]
    public void Photos_that_would_share_a_name_keep_their_extension()
    {
        using var photos = new TempFolder();
        using var output = new TempFolder();
        File.Copy(trained.Scene, photos.File("same.png"));
        File.WriteAllBytes(photos.File("same.jpg"), JpegOf(trained.Scene));

        CliRun run = CliRun.Of("scan", "--model", trained.Model, photos.Path, "--out-dir", output.Path);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("same.jpg.edges.png", output.Entries());
        Assert.Contains("same.png.edges.png", output.Entries());
    }

    [Theory]
    [InlineData("Say where the map goes")]
    [InlineData("--raw names one file", "--out-dir", "OUT", "--raw", "r.npy")]
    [InlineData("use --out-dir DIR for many", "--out", "e.png", "SECOND")]
    [InlineData("--threshold must be at least 0 and below 1", "--out", "e.png", "--threshold", "1.5")]
    [InlineData("does not exist", "--out-dir", "OUT", "MISSING")]
    public void Wrong_combinations_are_refused_before_any_work(string expected, params string[] more)
    {
        using var folder = new TempFolder();
        string[] rest = [.. more.Select(m => m switch
        {
            "OUT" => folder.File("out"),
            "SECOND" => trained.Scene,
            "MISSING" => folder.File("missing.png"),
            _ when m.Contains('.', StringComparison.Ordinal) && !m.StartsWith('-') && !char.IsDigit(m[0]) => folder.File(m),
            _ => m,
        })];

        CliRun run = CliRun.Of(["scan", "--model", trained.Model, trained.Scene, .. rest]);

        run.AssertOneLineError(expected);
        Assert.Empty(folder.Entries());
    }

    private static byte[] JpegOf(string png)
    {
        using SKBitmap bitmap = SKBitmap.Decode(png);
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }
}
