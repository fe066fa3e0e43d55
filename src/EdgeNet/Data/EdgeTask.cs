namespace EdgeNet.Data;

/// <summary>What a patch classifier is asked.</summary>
public enum EdgeTask
{
    /// <summary>The tutorial's question, two classes: is there a vertical dark→bright edge (Edge) or not (No Edge)?</summary>
    Edge,

    /// <summary>
    /// Five classes: a vertical or horizontal edge, each dark→bright or bright→dark, or none. Vertical edges go
    /// left to right, horizontal ones top to bottom: "Horizontal dark→bright" is dark above, bright below.
    /// </summary>
    Orientation,
}

/// <summary>Class names of each <see cref="EdgeTask"/>, and the way back from names to a task.</summary>
public static class EdgeTasks
{
    /// <summary>Class names of the orientation task, in label order; "None" is last.</summary>
    public static IReadOnlyList<string> OrientationClasses { get; } =
        ["Vertical dark→bright", "Vertical bright→dark", "Horizontal dark→bright", "Horizontal bright→dark", "None"];

    /// <summary>Label of "Vertical dark→bright" in the orientation task.</summary>
    public const int VerticalDarkToBright = 0;

    /// <summary>Label of "Vertical bright→dark" in the orientation task.</summary>
    public const int VerticalBrightToDark = 1;

    /// <summary>Label of "Horizontal dark→bright" (dark above) in the orientation task.</summary>
    public const int HorizontalDarkToBright = 2;

    /// <summary>Label of "Horizontal bright→dark" (bright above) in the orientation task.</summary>
    public const int HorizontalBrightToDark = 3;

    /// <summary>Label of "None" in the orientation task.</summary>
    public const int None = 4;

    /// <summary>The class names of <paramref name="task"/>, in label order.</summary>
    public static IReadOnlyList<string> ClassNames(EdgeTask task) => task switch
    {
        EdgeTask.Edge => Dataset.EdgeClasses,
        EdgeTask.Orientation => OrientationClasses,
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
    };

    /// <summary>The lower-case name used on the command line and in model files: "edge" or "orientation".</summary>
    public static string Name(EdgeTask task) => task switch
    {
        EdgeTask.Edge => "edge",
        EdgeTask.Orientation => "orientation",
        _ => throw new ArgumentOutOfRangeException(nameof(task), task, "Unknown task."),
    };

    /// <summary>Parses "edge" or "orientation" (any case); null for anything else.</summary>
    public static EdgeTask? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "edge" => EdgeTask.Edge,
        "orientation" => EdgeTask.Orientation,
        _ => null,
    };

    /// <summary>The task whose class names are exactly <paramref name="classNames"/>; null when none is.</summary>
    public static EdgeTask? FromClassNames(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        foreach (EdgeTask task in Enum.GetValues<EdgeTask>())
        {
            if (ClassNames(task).SequenceEqual(classNames))
            {
                return task;
            }
        }
        return null;
    }

    /// <summary>
    /// Index of the class that means "no edge" ("No Edge" or "None", any case); null when there is none, in which
    /// case every class but the last is taken as an edge.
    /// </summary>
    public static int? NoEdgeClass(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        for (int k = 0; k < classNames.Count; k++)
        {
            string name = classNames[k].Trim();
            if (name.Equals("No Edge", StringComparison.OrdinalIgnoreCase) || name.Equals("None", StringComparison.OrdinalIgnoreCase))
            {
                return k;
            }
        }
        return null;
    }
}
