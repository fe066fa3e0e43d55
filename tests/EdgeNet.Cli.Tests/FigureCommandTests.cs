using EdgeNet.Plots.Training;

namespace EdgeNet.Cli.Tests;

/// <summary><c>edgenet train --plots</c> and <c>edgenet guide</c>, end to end in-process.</summary>
public sealed class FigureCommandTests
{
    [Fact]
    public void Train_with_plots_leaves_every_figure_in_the_folder_it_creates()
    {
        // Given
        using var folder = new TempFolder();
        string plots = folder.File("plots");

        // When
        CliRun run = CliRun.Of("train", "--epochs", "3", "--plots", plots);

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.Contains($"Figures written to {plots}", run.Out, StringComparison.Ordinal);
        Assert.Equal(TrainingFigures<double>.Names.Select(n => n + ".png").Order(), Directory.GetFiles(plots).Select(f => Path.GetFileName(f)).Order());
    }

    [Fact]
    public void Train_with_plots_in_svg_writes_svg()
    {
        using var folder = new TempFolder();
        string plots = folder.File("svg");

        CliRun run = CliRun.Of("train", "--epochs", "2", "--plots", plots, "--format", "svg");

        Assert.Equal(0, run.ExitCode);
        Assert.All(Directory.GetFiles(plots), f => Assert.EndsWith(".svg", f, StringComparison.Ordinal));
        Assert.Equal(TrainingFigures<double>.Names.Count, Directory.GetFiles(plots).Length);
    }

    [Fact]
    public void An_unknown_format_is_one_line_and_creates_nothing()
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of("train", "--epochs", "2", "--plots", folder.File("plots"), "--format", "gif");

        run.AssertOneLineError("png or svg");
        Assert.Empty(folder.Entries());
    }

    [Fact]
    public void Plots_into_a_file_is_one_line()
    {
        using var folder = new TempFolder();
        string file = folder.Write("taken", "x");

        CliRun run = CliRun.Of("train", "--epochs", "2", "--plots", file);

        run.AssertOneLineError("is a regular file; give a folder");
    }

    [Fact]
    public void Guide_writes_index_html_with_its_figures()
    {
        // Given
        using var folder = new TempFolder();
        string guide = folder.File("guide");

        // When
        CliRun run = CliRun.Of("guide", "--out", guide);

        // Then
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        string index = Path.Combine(guide, "index.html");
        Assert.Contains($"Guide written to {index}", run.Out, StringComparison.Ordinal);
        string html = File.ReadAllText(index);
        string[] pngs = [.. Directory.GetFiles(guide, "*.png").Select(f => Path.GetFileName(f))];
        Assert.NotEmpty(pngs);
        Assert.All(pngs, png => Assert.Contains($"src=\"{png}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public void Guide_needs_an_out_folder_whose_parent_exists()
    {
        using var folder = new TempFolder();

        CliRun.Of("guide").AssertOneLineError("--out");
        CliRun.Of("guide", "--out", Path.Combine(folder.Path, "missing", "guide")).AssertOneLineError("does not exist");
        Assert.Empty(folder.Entries());
    }
}
