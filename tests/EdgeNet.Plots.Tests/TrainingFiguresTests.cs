using EdgeNet.Plots.Tests.Support;
using EdgeNet.Plots.Training;
using EdgeNet.Training;

namespace EdgeNet.Plots.Tests;

public sealed class TrainingFiguresTests
{
    [Fact]
    public void Listening_to_a_run_leaves_every_figure_as_a_picture_with_no_temporary_file()
    {
        // Given
        using var folder = new TempFolder();
        var options = new TrainingOptions { Epochs = 4, TrainSamples = 30, TestSamples = 10 };
        var setup = SeededSetup<double>.Create(options);
        var figures = new TrainingFigures<double>(setup.Network, setup.Train, setup.Test, folder.Path) { Interval = TimeSpan.FromHours(1) };

        // When
        Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random, figures);

        // Then: drawn after the first epoch and after the last one only
        Assert.Equal(2, figures.Draws);
        Assert.Equal(TrainingFigures<double>.Names.Select(n => n + ".png").Order(), folder.Entries());
        foreach (string file in figures.Files)
        {
            PngImage.Load(file).AssertNotBlank(Path.GetFileName(file));
        }
    }

    [Fact]
    public void Svg_format_writes_svg_files()
    {
        // Given
        using var folder = new TempFolder();
        var options = new TrainingOptions { Epochs = 1, TrainSamples = 10, TestSamples = 0 };
        var setup = SeededSetup<double>.Create(options);
        var figures = new TrainingFigures<double>(setup.Network, setup.Train, setup.Test, folder.Path, FigureFormat.Svg);

        // When
        Trainer.Train(setup.Network, setup.Train, setup.Test, options, setup.Random, figures);

        // Then: without a test set the confusion matrix and gallery show the training patches
        Assert.All(folder.Entries(), name => Assert.EndsWith(".svg", name, StringComparison.Ordinal));
        Assert.Equal(TrainingFigures<double>.Names.Count, folder.Entries().Length);
        Assert.Contains("training patches", File.ReadAllText(Path.Combine(folder.Path, "confusion-matrix.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Listening_does_not_change_the_training()
    {
        // Given: the same run twice, once with figures drawn after every epoch
        var options = new TrainingOptions { Epochs = 3, TrainSamples = 20, TestSamples = 5 };
        var plain = SeededSetup<double>.Create(options);
        var drawn = SeededSetup<double>.Create(options);
        using var folder = new TempFolder();

        // When
        var expected = Trainer.Train(plain.Network, plain.Train, plain.Test, options, plain.Random);
        var actual = Trainer.Train(drawn.Network, drawn.Train, drawn.Test, options, drawn.Random,
            new TrainingFigures<double>(drawn.Network, drawn.Train, drawn.Test, folder.Path) { Interval = TimeSpan.Zero });

        // Then
        Assert.Equal(expected, actual);
        Assert.Equal(plain.Network.Layers[0].Weights, drawn.Network.Layers[0].Weights);
    }

    [Fact]
    public void A_missing_folder_is_refused()
    {
        var setup = SeededSetup<double>.Create(new TrainingOptions { TrainSamples = 2, TestSamples = 0 });
        Assert.Throws<DirectoryNotFoundException>(() => new TrainingFigures<double>(setup.Network, setup.Train, null, "/nonexistent/edgenet/plots"));
    }
}
