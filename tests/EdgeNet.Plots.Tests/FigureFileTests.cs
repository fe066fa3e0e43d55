using EdgeNet.Plots.Figures;
using EdgeNet.Plots.Tests.Support;

namespace EdgeNet.Plots.Tests;

public sealed class FigureFileTests
{
    [Theory]
    [InlineData("png", FigureFormat.Png)]
    [InlineData("SVG", FigureFormat.Svg)]
    [InlineData(" svg ", FigureFormat.Svg)]
    public void Formats_parse_in_any_case(string text, FigureFormat expected) => Assert.Equal(expected, FigureFile.ParseFormat(text));

    [Fact]
    public void An_unknown_format_names_the_ones_there_are()
    {
        var error = Assert.Throws<ArgumentException>(() => FigureFile.ParseFormat("gif"));
        Assert.Contains("png or svg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_writes_the_file_with_its_extension_and_nothing_else()
    {
        // Given
        using var folder = new TempFolder();

        // When
        string path = FigureFile.Save(Plots.Figures.ReluFigure.Create(), ReluFigure.Size, folder.Path, "relu", FigureFormat.Png);

        // Then
        Assert.Equal(Path.Combine(folder.Path, "relu.png"), path);
        Assert.Equal(["relu.png"], folder.Entries());
    }

    [Fact]
    public void Save_into_a_missing_folder_fails_and_writes_nothing()
    {
        string missing = Path.Combine(Path.GetTempPath(), "edgenet-missing-" + Guid.NewGuid().ToString("N"));
        Assert.Throws<DirectoryNotFoundException>(() => FigureFile.Save(ReluFigure.Create(), ReluFigure.Size, missing, "relu", FigureFormat.Png));
        Assert.False(Directory.Exists(missing));
    }
}
