using CsCheck;
using EdgeNet.Cli.Input;
using Xunit.Abstractions;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #24 family 3 for <c>scan DIR --out-dir OUT --recursive</c>: links such as <c>self -&gt; .</c>,
/// <c>up -&gt; ..</c> and deeper loops end the walk (each folder entered once, by device and inode; nothing above the
/// starting folder); the walk is lazy; and family 7: a photo that is a folder or a loop of links is named as such.
/// </summary>
public sealed class FolderWalkTests(ScanFixture trained, ITestOutputHelper log) : IClassFixture<ScanFixture>
{
    [Fact]
    public void Links_back_to_the_folder_or_above_it_are_not_followed_and_each_photo_is_scanned_once()
    {
        // Given photos/a.png, photos/sub/b.png, and links self -> ., up -> .., sub/back -> .., sub/again -> ../sub
        using var photos = new TempFolder();
        using var output = new TempFolder();
        Directory.CreateDirectory(photos.File("sub"));
        File.Copy(trained.Scene, photos.File("a.png"));
        File.Copy(trained.Scene, Path.Combine(photos.File("sub"), "b.png"));
        Directory.CreateSymbolicLink(photos.File("self"), ".");
        Directory.CreateSymbolicLink(photos.File("up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(photos.File("sub"), "back"), "..");
        Directory.CreateSymbolicLink(Path.Combine(photos.File("sub"), "again"), "../sub");

        CliRun run = CliRun.Of("scan", "--model", trained.Model, photos.Path, "--out-dir", output.Path, "--recursive");

        Assert.True(run.ExitCode == 0, run.Error);
        string[] written = [.. Directory.EnumerateFileSystemEntries(output.Path, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(output.Path, p)).Order(StringComparer.Ordinal)];
        Assert.Equal(["a.edges.png", "sub", Path.Combine("sub", "b.edges.png")], written);
        Assert.StartsWith("Scanned 2 of 2 photos", run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_linked_twice_from_outside_is_walked_once_under_the_first_name()
    {
        using var photos = new TempFolder();
        using var elsewhere = new TempFolder();
        File.Copy(trained.Scene, elsewhere.File("c.png"));
        Directory.CreateSymbolicLink(photos.File("x"), elsewhere.Path);
        Directory.CreateSymbolicLink(photos.File("y"), elsewhere.Path);

        Assert.Equal([(Path.Combine(photos.File("x"), "c.png"), Path.Combine("x", "c.png"))], PhotoWalk.Photos(photos.Path, recursive: true, IsPng));
    }

    [Fact]
    public void The_walk_is_lazy_a_later_folder_is_listed_only_when_reached()
    {
        // Given a/1.png and b/ (empty when the walk starts)
        using var photos = new TempFolder();
        Directory.CreateDirectory(photos.File("a"));
        Directory.CreateDirectory(photos.File("b"));
        photos.Write(Path.Combine("a", "1.png"), "x");
        using IEnumerator<(string Path, string Name)> walk = PhotoWalk.Photos(photos.Path, recursive: true, IsPng).GetEnumerator();

        Assert.True(walk.MoveNext());
        Assert.Equal(Path.Combine("a", "1.png"), walk.Current.Name);
        photos.Write(Path.Combine("b", "2.png"), "x");                          // after the first photo was given

        Assert.True(walk.MoveNext());
        Assert.Equal(Path.Combine("b", "2.png"), walk.Current.Name);
        Assert.False(walk.MoveNext());
    }

    [Fact]
    public void The_order_is_that_of_the_sorted_paths()
    {
        using var photos = new TempFolder();
        Directory.CreateDirectory(photos.File("a"));
        foreach (string name in new[] { "a.png", Path.Combine("a", "b.png"), "a-b.png", "B.png", "a0.png" })
        {
            photos.Write(name, "x");
        }

        string[] walked = [.. PhotoWalk.Photos(photos.Path, recursive: true, IsPng).Select(p => p.Path)];

        Assert.Equal(Directory.GetFiles(photos.Path, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal), walked);
    }

    [Fact]
    public void Random_trees_of_folders_and_links_give_every_photo_once()
    {
        // Folders d0 (the start) … d(n-1), each inside an earlier one; links in random folders to random folders,
        // to the start's parent or to themselves. Every walk ends and gives each photo once.
        Gen<(int Parent, int Target)[]> links(int n) => Gen.Select(Gen.Int[0, n - 1], Gen.Int[-1, n]).Array[0, 6];
        Gen<(int[] Parents, (int Parent, int Target)[] Links)> trees = Gen.Int[1, 7].SelectMany(n =>
            Gen.Select(Gen.Int[0, 1_000_000].Array[n], links(n)).Select((parents, l) => (parents.Select((p, i) => i == 0 ? -1 : p % i).ToArray(), l)));

        FuzzCases.Run(log, trees, seed: 24_004, 150, tree =>
        {
            using var top = new TempFolder();
            string[] folders = new string[tree.Parents.Length];
            for (int i = 0; i < folders.Length; i++)
            {
                folders[i] = i == 0 ? top.File("d0") : Path.Combine(folders[tree.Parents[i]], $"d{i}");
                Directory.CreateDirectory(folders[i]);
                File.WriteAllText(Path.Combine(folders[i], $"p{i}.png"), "x");
            }
            for (int k = 0; k < tree.Links.Length; k++)
            {
                (int parent, int target) = tree.Links[k];
                string to = target < 0 ? top.Path : target >= folders.Length ? Path.Combine(folders[parent], $"l{k}") : folders[target];
                Directory.CreateSymbolicLink(Path.Combine(folders[parent], $"l{k}"), to);
            }

            string[] photos = [.. PhotoWalk.Photos(folders[0], recursive: true, IsPng).Select(p => Path.GetFileName(p.Path)).Order(StringComparer.Ordinal)];

            Assert.Equal(Enumerable.Range(0, folders.Length).Select(i => $"p{i}.png").Order(StringComparer.Ordinal), photos);
        }, tree => $"parents [{string.Join(',', tree.Parents)}], links [{string.Join(' ', tree.Links.Select(l => $"d{l.Parent}→{l.Target}"))}]");
    }

    [Fact]
    public void A_photo_that_is_a_folder_or_a_loop_of_links_is_named_as_such()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("dir.png"));
        File.CreateSymbolicLink(folder.File("loop.png"), folder.File("loop.png"));

        CliRun.Of("scan", "--model", trained.Model, folder.File("dir.png"), "--out", folder.File("o.png")).AssertOneLineError("is a folder, not a regular file");
        CliRun.Of("scan", "--model", trained.Model, folder.File("loop.png"), "--out", folder.File("o.png")).AssertOneLineError("is a loop of symbolic links, not a regular file");
        CliRun.Of("scan", "--model", trained.Model, folder.File("loop.png"), "--out-dir", folder.File("maps")).AssertOneLineError("is a loop of symbolic links, neither a photo nor a folder");
        Assert.False(File.Exists(folder.File("o.png")));
    }

    [Fact]
    public void In_a_folder_a_loop_of_links_named_like_a_photo_is_named_and_the_others_are_scanned()
    {
        using var photos = new TempFolder();
        using var output = new TempFolder();
        File.Copy(trained.Scene, photos.File("a.png"));
        File.CreateSymbolicLink(photos.File("loop.png"), photos.File("loop.png"));

        CliRun run = CliRun.Of("scan", "--model", trained.Model, photos.Path, "--out-dir", output.Path);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(["a.edges.png"], output.Entries());
        Assert.Contains("'loop.png': ", run.Error, StringComparison.Ordinal);
        Assert.Contains("is a loop of symbolic links", run.Error, StringComparison.Ordinal);
    }

    private static bool IsPng(string name) => name.EndsWith(".png", StringComparison.Ordinal);
}
