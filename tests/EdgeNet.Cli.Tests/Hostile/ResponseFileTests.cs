using CsCheck;
using EdgeNet.Cli.Input;
using Xunit.Abstractions;

namespace EdgeNet.Cli.Tests.Hostile;

/// <summary>
/// Issue #24 family 3: response files that name response files. A loop (a file naming itself, two files naming each
/// other), nesting past the cap or an expansion past the total cap is one line and exit 2, quickly and in little
/// memory; files that do none of these give their words in order.
/// </summary>
[Collection(Serial.Name)]
public sealed class ResponseFileTests(ITestOutputHelper log)
{
    [Fact]
    public void A_response_file_that_names_itself_is_a_loop()
    {
        using var folder = new TempFolder();
        string self = folder.File("r.txt");
        File.WriteAllText(self, $"--epochs 1\n@{self}\n");

        CliRun run = CliRun.Of("train", "@" + self);

        run.AssertOneLineError("includes itself: a loop of response files");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Two_response_files_that_name_each_other_are_a_loop()
    {
        using var folder = new TempFolder();
        string a = folder.File("a.txt"), b = folder.File("b.txt");
        File.WriteAllText(a, $"@{b}\n");
        File.WriteAllText(b, $"--epochs 1 @{a}\n");

        CliRun run = CliRun.Of("train", "@" + a);

        run.AssertOneLineError($"'{a}' includes itself through 'b.txt': a loop of response files");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Theory]
    [InlineData(ResponseFiles.MaxDepth, 0)]
    [InlineData(ResponseFiles.MaxDepth + 1, ExitCodes.Usage)]
    public void Response_files_nest_at_most_the_cap_deep(int files, int expectedCode)
    {
        // Given f0 → f1 → … → the last, which holds the options
        using var folder = new TempFolder();
        for (int i = 0; i < files; i++)
        {
            folder.Write($"f{i}.txt", i == files - 1 ? "--epochs 2 --log-every 1" : $"@{folder.File($"f{i + 1}.txt")}");
        }

        CliRun run = CliRun.Of("train", "@" + folder.File("f0.txt"));

        Assert.Equal(expectedCode, run.ExitCode);
        if (expectedCode == 0)
        {
            Assert.Equal(CliRun.Of("train", "--epochs", "2", "--log-every", "1").Out, run.Out);
        }
        else
        {
            run.AssertOneLineError($"Response files nest more than {ResponseFiles.MaxDepth} deep");
        }
    }

    [Fact]
    public void What_all_response_files_expand_to_is_capped_together()
    {
        // Given a small file naming a 200 KB one ten times (each file is under the cap, together they are not)
        using var folder = new TempFolder();
        string big = folder.Write("big.txt", string.Concat(Enumerable.Repeat("# a comment line of forty characters..\n", 200 * 1024 / 40)));
        string small = folder.Write("small.txt", string.Concat(Enumerable.Repeat($"@{big}\n", 10)));

        CliRun run = CliRun.Of("train", "@" + small);

        run.AssertOneLineError("The response files of this command line hold more than 1 MB in all");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Fact]
    public void A_small_response_file_naming_a_large_one_thousands_of_times_stops_at_the_cap()
    {
        // Given 14 KB naming a 200 KB file of options 2,000 times: 400 MB of words (some 30 million) if expanded
        using var folder = new TempFolder();
        folder.Write("big.txt", string.Concat(Enumerable.Repeat("--log-every 0\n", 200 * 1024 / 14)));
        string small = folder.Write("s.txt", string.Concat(Enumerable.Repeat("@big.txt\n", 2000)));
        Assert.InRange(new FileInfo(small).Length, 14_000, 20_000);

        CliRun run;
        string current = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder.Path;             // @big.txt inside s.txt is relative to here
            run = HostileRun.Check(folder, "train", "@s.txt");      // and within HostileRun's memory budget
        }
        finally
        {
            Environment.CurrentDirectory = current;
        }

        run.AssertOneLineError("hold more than 1 MB in all (at 'big.txt')");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public void Random_graphs_of_response_files_expand_or_are_refused_in_one_line()
    {
        // Files f0…f(n-1), each a few lines: options, a comment, @fK naming one of them (itself included), or a name
        // that is no response file. Loops reachable from f0 are refused; the rest give what the test expands itself.
        string[] plain = ["--epochs 1", "--log-every 0", "--seed 3", "\"--hidden\" 4", "# @f0 in a comment", "@"];
        string[] bad = ["@missing.txt", "@/dev/zero", "@."];
        Gen<string[][]> files = Gen.Int[1, 5].SelectMany(n =>
            Gen.Frequency((3, Gen.OneOf(plain)), (3, Gen.Int[0, n - 1].Select(k => $"@f{k}")), (1, Gen.OneOf(bad)))
                .Array[0, 4].Array[n]);

        FuzzCases.Run(log, files, seed: 24_003, 120, lines =>
        {
            using var folder = new TempFolder();
            string Resolve(string line) => line switch
            {
                "@missing.txt" => "@" + folder.File("missing.txt"),
                "@." => "@" + folder.Path,
                _ when line.StartsWith("@f", StringComparison.Ordinal) => "@" + folder.File(line[1..] + ".txt"),
                _ => line,
            };
            for (int i = 0; i < lines.Length; i++)
            {
                folder.Write($"f{i}.txt", string.Join('\n', lines[i].Select(Resolve)));
            }
            var (loop, badName, words) = Expand(lines, 0, []);

            CliRun run = HostileRun.Check(folder, "train", "--epochs", "1", "--log-every", "0", "@" + folder.File("f0.txt"));

            if (loop || badName)
            {
                Assert.Equal(ExitCodes.Usage, run.ExitCode);
                if (!badName || !loop)                              // with both, the first met is reported
                {
                    Assert.Equal(loop, run.Error.Contains("a loop of response files", StringComparison.Ordinal));
                }
            }
            else
            {
                CliRun direct = CliRun.Of(["train", "--epochs", "1", "--log-every", "0", .. words]);
                Assert.Equal((direct.ExitCode, direct.Out, direct.Error), (run.ExitCode, run.Out, run.Error));
            }
        }, lines => string.Join(" | ", lines.Select((l, i) => $"f{i}: {string.Join(" ; ", l)}")));
    }

    // The test's own expansion of f(file): whether a loop is reachable, whether a name that is no response file is,
    // and otherwise the words in order.
    private static (bool Loop, bool Bad, List<string> Words) Expand(string[][] files, int file, List<int> chain)
    {
        if (chain.Contains(file))
        {
            return (true, false, []);
        }
        bool loop = false, bad = false;
        var words = new List<string>();
        foreach (string line in files[file])
        {
            if (line.StartsWith("@f", StringComparison.Ordinal))
            {
                var (l, b, w) = Expand(files, int.Parse(line[2..], System.Globalization.CultureInfo.InvariantCulture), [.. chain, file]);
                (loop, bad) = (loop || l, bad || b);
                words.AddRange(w);
            }
            else if (line is "@missing.txt" or "@/dev/zero" or "@.")
            {
                bad = true;
            }
            else if (!line.StartsWith('#'))
            {
                words.AddRange(line.Split(' ').Select(w => w.Trim('"')));
            }
        }
        return (loop, bad, words);
    }
}
