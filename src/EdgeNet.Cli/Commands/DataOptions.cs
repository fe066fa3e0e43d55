using System.CommandLine;
using EdgeNet.Data;
using EdgeNet.Training;

namespace EdgeNet.Cli.Commands;

/// <summary>The options that choose data: generated tutorial patches (seeded) or a CSV file.</summary>
internal sealed class DataOptions
{
    public Option<uint> Seed { get; } = new("--seed") { HelpName = "N", Description = "Seed of NumPy's legacy generator (np.random.seed).", DefaultValueFactory = _ => 42 };

    public Option<int> TrainSamples { get; } = new("--train-samples") { HelpName = "N", Description = "Generated training samples (with --dataset varied: 4000).", DefaultValueFactory = _ => 100 };

    public Option<int> TestSamples { get; } = new("--test-samples") { HelpName = "N", Description = "Generated test samples (with --dataset varied: 1000).", DefaultValueFactory = _ => 20 };

    public Option<FileInfo?> Data { get; } = new("--data") { HelpName = "FILE", Description = "Train on your own patches: CSV, one sample a line, label first, then the pixel values." };

    public Option<FileInfo?> TestData { get; } = new("--test-data") { HelpName = "FILE", Description = "Test on your own patches (same CSV format)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(TrainSamples);
        command.Options.Add(TestSamples);
        command.Options.Add(Data);
        command.Options.Add(TestData);
    }

    /// <summary>Loads a CSV dataset, or null when the option was not given.</summary>
    public static Dataset? LoadCsv(FileInfo? file, IReadOnlyList<string> classNames, int? expectedPixels = null)
    {
        if (file is null)
        {
            return null;
        }
        return CsvDataset.Load(file.FullName, classNames, expectedPixels);
    }
}
