using System.Numerics;

namespace EdgeNet.Data;

/// <summary>Labelled samples: one row of <see cref="FeatureCount"/> pixel values and a class per sample.</summary>
public sealed class Dataset
{
    private readonly double[] _features;
    private readonly int[] _labels;

    /// <summary>Wraps rows of features (row by row) and their labels; validates the shapes and labels.</summary>
    public Dataset(double[] features, int[] labels, int featureCount, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        if (features.Length != labels.Length * featureCount)
        {
            throw new ArgumentException($"{labels.Length} samples of {featureCount} values need {labels.Length * featureCount} numbers, got {features.Length}.");
        }
        foreach (int label in labels)
        {
            if (label < 0 || label >= classNames.Count)
            {
                throw new ArgumentException($"Label {label} is out of range 0..{classNames.Count - 1}.");
            }
        }
        _features = features;
        _labels = labels;
        FeatureCount = featureCount;
        ClassNames = classNames;
    }

    /// <summary>The tutorial's two classes: 0 = Edge, 1 = No Edge.</summary>
    public static IReadOnlyList<string> EdgeClasses { get; } = ["Edge", "No Edge"];

    /// <summary>Number of samples.</summary>
    public int Count => _labels.Length;

    /// <summary>Values per sample (25 for a 5×5 patch).</summary>
    public int FeatureCount { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>A name per class, in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>All features, row by row.</summary>
    public ReadOnlySpan<double> Features => _features;

    /// <summary>All labels.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>The pixel values of sample <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> Sample(int index) => _features.AsSpan(index * FeatureCount, FeatureCount);

    /// <summary>The features converted to <typeparamref name="T"/> (float or double).</summary>
    public T[] FeaturesAs<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = new T[_features.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = T.CreateChecked(_features[i]);
        }
        return result;
    }
}
