using EdgeNet.Data;

namespace EdgeNet.Imaging;

/// <summary>
/// The colour of each class in orientation maps (Okabe–Ito colours, readable with colour blindness);
/// the no-edge class is black.
/// </summary>
public static class EdgeColors
{
    private static readonly (byte R, byte G, byte B)[] Palette =
    [
        (213, 94, 0),      // vermillion: vertical dark→bright
        (86, 180, 233),    // sky blue: vertical bright→dark
        (240, 228, 66),    // yellow: horizontal dark→bright
        (204, 121, 167),   // reddish purple: horizontal bright→dark
        (0, 158, 115),     // bluish green
        (230, 159, 0),     // orange
        (0, 114, 178),     // blue
    ];

    /// <summary>The colour of class <paramref name="index"/>; black for <paramref name="noEdgeClass"/>.</summary>
    public static (byte R, byte G, byte B) Of(int index, int noEdgeClass)
    {
        if (index == noEdgeClass)
        {
            return (0, 0, 0);
        }
        int slot = index < noEdgeClass ? index : index - 1;
        return Palette[slot % Palette.Length];
    }

    /// <summary>A name for the colour of class <paramref name="index"/>, for legends.</summary>
    public static string NameOf(int index, int noEdgeClass)
    {
        if (index == noEdgeClass)
        {
            return "black";
        }
        string[] names = ["vermillion", "sky blue", "yellow", "reddish purple", "bluish green", "orange", "blue"];
        int slot = index < noEdgeClass ? index : index - 1;
        return names[slot % names.Length];
    }

    /// <summary>The single colour of the edge class in overlays of two-class (edge / no edge) maps.</summary>
    public static (byte R, byte G, byte B) SingleEdge => Palette[0];

    /// <summary>True when a map has more than one edge class, so colour can tell them apart.</summary>
    public static bool HasOrientations(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        return classNames.Count > 2 || EdgeTasks.FromClassNames(classNames) == EdgeTask.Orientation;
    }
}
