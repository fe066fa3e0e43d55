using System.Globalization;
using System.Text.RegularExpressions;
using EdgeNet.Boundaries;
using EdgeNet.IO;

namespace EdgeNet.Imaging;

/// <summary>
/// Reads a boundary benchmark from two folders: the true boundaries (<c>NAME.png</c>, and <c>NAME.2.png</c>,
/// <c>NAME.3.png</c>, … for more annotators; 255 on a boundary pixel, 0 elsewhere) and the maps to score
/// (<c>NAME.png</c>, 8-bit, 255 = certain boundary). Every image, truth and map, is checked before anything is scored.
/// </summary>
public static partial class BoundaryFolders
{
    /// <summary>The most pixels held at once (maps and truths together): 400 million bytes.</summary>
    public const long MaxTotalPixels = 400_000_000;

    /// <summary>The images of <paramref name="truthFolder"/> with their maps from <paramref name="mapsFolder"/>, by name.</summary>
    /// <exception cref="DirectoryNotFoundException">A folder is missing.</exception>
    /// <exception cref="InvalidDataException">No truth, a missing map, sizes that differ, a truth that is not 0/255, a damaged file.</exception>
    public static IReadOnlyList<BoundaryImage> Load(string truthFolder, string mapsFolder)
    {
        IReadOnlyList<(string Name, string[] Files)> truths = Annotations(truthFolder);
        RequireFolder(mapsFolder, "maps");
        var images = new List<BoundaryImage>(truths.Count);
        long total = 0;
        foreach ((string name, string[] files) in truths)
        {
            string mapPath = Path.Combine(mapsFolder, name + ".png");
            if (!File.Exists(mapPath))
            {
                throw new InvalidDataException($"no map for '{UserText.Escape(name)}': {UserText.Quote(mapPath)} is missing (every truth needs a map of the same name).");
            }
            GrayBytes map = Decode(mapPath);
            var layers = new List<byte[]>(files.Length);
            foreach (string file in files)
            {
                GrayBytes truth = Decode(file);
                if (truth.Width != map.Width || truth.Height != map.Height)
                {
                    throw new InvalidDataException($"{UserText.Quote(mapPath)} is {map.Width}×{map.Height} but its truth {UserText.Quote(file)} is {truth.Width}×{truth.Height}.");
                }
                int odd = Array.FindIndex(truth.Pixels, v => v is not (0 or 255));
                if (odd >= 0)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"{UserText.Quote(file)} is not a boundary map: pixel ({odd % truth.Width}, {odd / truth.Width}) is {truth.Pixels[odd]}; true boundaries are 255 and the rest 0."));
                }
                layers.Add(truth.Pixels);
            }
            total += map.PixelCount * (1 + files.Length);
            if (total > MaxTotalPixels)
            {
                throw new InvalidDataException($"the benchmark holds more than {MaxTotalPixels:N0} pixels (maps and truths); score it in parts.");
            }
            images.Add(new BoundaryImage(name, map.Width, map.Height, map.Pixels, layers));
        }
        return images;
    }

    /// <summary>The names of the truth folder's images, each with its annotators' files (NAME.png first, then NAME.2.png, …).</summary>
    public static IReadOnlyList<(string Name, string[] Files)> Annotations(string truthFolder)
    {
        RequireFolder(truthFolder, "truth");
        var groups = new SortedDictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(truthFolder, "*.png"))
        {
            string stem = Path.GetFileNameWithoutExtension(file);
            Match annotator = AnnotatorSuffix().Match(stem);
            (string name, int index) = annotator.Success
                ? (annotator.Groups[1].Value, int.Parse(annotator.Groups[2].Value, CultureInfo.InvariantCulture))
                : (stem, 1);
            if (!groups.TryGetValue(name, out SortedDictionary<int, string>? files))
            {
                groups[name] = files = [];
            }
            files[index] = file;
        }
        if (groups.Count == 0)
        {
            throw new InvalidDataException($"the truth folder {UserText.Quote(truthFolder)} has no .png file.");
        }
        foreach ((string name, SortedDictionary<int, string> files) in groups)
        {
            if (!files.ContainsKey(1))
            {
                throw new InvalidDataException($"{UserText.Quote(files.First().Value)} is another annotator of '{UserText.Escape(name)}', but {UserText.Escape(name)}.png is missing.");
            }
        }
        return [.. groups.Select(g => (g.Key, g.Value.Values.ToArray()))];
    }

    private static GrayBytes Decode(string path)
    {
        try
        {
            return ImageDecoder.DecodeBytes(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{UserText.Quote(path)}: {e.Message}");
        }
    }

    private static void RequireFolder(string folder, string what)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the {what} folder {UserText.Quote(folder)} does not exist.");
        }
    }

    [GeneratedRegex(@"^(.+)\.([2-9]|[1-9][0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex AnnotatorSuffix();
}
