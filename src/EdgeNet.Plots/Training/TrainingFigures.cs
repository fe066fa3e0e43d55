using System.Diagnostics;
using System.Numerics;
using EdgeNet.Data;
using EdgeNet.Plots.Figures;
using EdgeNet.Training;

namespace EdgeNet.Plots.Training;

/// <summary>
/// Listens to a training run and keeps its figures up to date in a folder: loss and accuracy per epoch, the
/// hidden neurons' weights, the output weights, the confusion matrix and a gallery of test patches.
/// </summary>
/// <remarks>
/// The trainer reports each epoch through <see cref="IProgress{T}"/> and knows nothing of figures. Figures are
/// redrawn after the first epoch, then at most every <see cref="Interval"/>, and always after the last epoch, so
/// the folder shows the run as it goes without slowing it down. Each file is replaced atomically.
/// </remarks>
public sealed class TrainingFigures<T> : IProgress<EpochStats>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>File names (without extension) of the figures, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } = ["loss", "accuracy", "hidden-weights", "output-weights", "confusion-matrix", "test-gallery"];

    private readonly Network<T> _network;
    private readonly Dataset _examples;
    private readonly string _examplesName;
    private readonly string _directory;
    private readonly FigureFormat _format;
    private readonly List<EpochStats> _history = [];
    private readonly Stopwatch _sinceLastDraw = new();

    /// <summary>
    /// Follows <paramref name="network"/>; the confusion matrix and the gallery use <paramref name="test"/>, or
    /// <paramref name="train"/> when there is no test set.
    /// </summary>
    public TrainingFigures(Network<T> network, Dataset train, Dataset? test, string directory, FigureFormat format = FigureFormat.Png)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The folder '{directory}' does not exist.");
        }
        _network = network;
        _examples = test ?? train;
        _examplesName = test is null ? "training" : "test";
        _directory = directory;
        _format = format;
    }

    /// <summary>Shortest time between two redraws while training runs (the last epoch is always drawn).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times the figures were drawn.</summary>
    public int Draws { get; private set; }

    /// <summary>The files written, full paths.</summary>
    public IReadOnlyList<string> Files { get; private set; } = [];

    /// <inheritdoc/>
    public void Report(EpochStats value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _history.Add(value);
        bool last = value.Epoch == value.Epochs - 1;
        if (Draws == 0 || last || _sinceLastDraw.Elapsed >= Interval)
        {
            Draw();
        }
    }

    /// <summary>Draws every figure now from the epochs reported so far.</summary>
    public void Draw()
    {
        if (_history.Count == 0)
        {
            throw new InvalidOperationException("No epoch has been reported yet.");
        }
        int hidden = _network.Layers[0].Outputs;
        Evaluation evaluation = Evaluation.Of(_network, _examples);
        var files = new List<string>
        {
            FigureFile.Save(LossFigure.Create(_history), LossFigure.Size, _directory, Names[0], _format),
            FigureFile.Save(AccuracyFigure.Create(_history, _network.Classes), AccuracyFigure.Size, _directory, Names[1], _format),
        };
        if (IsSquare(_network.Inputs))
        {
            files.Add(FigureFile.Save(HiddenWeightsFigure.Create(_network), HiddenWeightsFigure.SizeFor(hidden), _directory, Names[2], _format));
        }
        var output = _network.Layers[^1];
        files.Add(FigureFile.Save(OutputWeightsFigure.Create(_network, _examples.ClassNames), OutputWeightsFigure.SizeFor(output.Inputs, output.Outputs), _directory, Names[3], _format));
        files.Add(FigureFile.Save(ConfusionMatrixFigure.Create(evaluation, _examples.ClassNames, _examplesName), ConfusionMatrixFigure.SizeFor(_network.Classes), _directory, Names[4], _format));
        if (IsSquare(_network.Inputs))
        {
            int shown = Math.Min(_examples.Count, 20);
            files.Add(FigureFile.Save(TestGalleryFigure.Create(_network, _examples, shown, _examplesName), TestGalleryFigure.SizeFor(shown), _directory, Names[5], _format));
        }
        Files = files;
        Draws++;
        _sinceLastDraw.Restart();
    }

    private static bool IsSquare(int pixels)
    {
        int side = (int)Math.Round(Math.Sqrt(pixels));
        return side * side == pixels;
    }
}
