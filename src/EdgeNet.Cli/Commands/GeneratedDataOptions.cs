using System.CommandLine;
using EdgeNet.Data;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// The options that choose the generator: <c>--dataset tutorial|varied</c>, and for varied data
/// <c>--task</c>, <c>--noise</c> and <c>--patch</c>.
/// </summary>
internal sealed class GeneratedDataOptions
{
    /// <summary>The options; for <c>eval</c> (<paramref name="modelDefaults"/>) unset ones mean "as the model was trained".</summary>
    public GeneratedDataOptions(bool modelDefaults = false)
    {
        string? fallback = modelDefaults ? "the model's" : null;
        Dataset = CreateDataset(modelDefaults);
        Task = CreateTask($" (default: {fallback ?? "edge"}).");
        Noise = new("--noise") { HelpName = "SIGMA", Description = $"Varied data: σ of the Gaussian noise on every pixel (default: {fallback ?? "0.05"})." };
        Patch = new("--patch") { HelpName = "N", Description = $"Varied data: side of the square patch, odd, 3 to 31 (default: {fallback ?? "5"})." };
    }

    public Option<string> Dataset { get; }

    public Option<string?> Task { get; }

    public Option<double?> Noise { get; }

    public Option<int?> Patch { get; }

    public void AddTo(Command command)
    {
        command.Options.Add(Dataset);
        command.Options.Add(Task);
        command.Options.Add(Noise);
        command.Options.Add(Patch);
    }

    /// <summary>True when the user typed <paramref name="option"/> (not just its default).</summary>
    public static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>
    /// The generator the options ask for. The tutorial's data is 5×5, noise-free and two-class, so <c>--task</c>,
    /// <c>--noise</c> and <c>--patch</c> need <c>--dataset varied</c>; unset ones fall back to <paramref name="fallback"/>'s.
    /// </summary>
    public GeneratedData Resolve(ParseResult parse, string defaultName = "tutorial", VariedOptions? fallback = null)
    {
        string name = Given(parse, Dataset) ? parse.GetValue(Dataset)! : defaultName;
        string? task = parse.GetValue(Task);
        double? noise = parse.GetValue(Noise);
        int? patch = parse.GetValue(Patch);
        if (name == "tutorial")
        {
            if ((task is not null && EdgeTasks.Parse(task) != EdgeTask.Edge) || noise is not null || (patch is not null && patch != TutorialPatches.Size))
            {
                throw new UsageException("--task, --noise and --patch describe varied data: add --dataset varied (the tutorial's patches are 5×5, noise-free, edge / no edge).");
            }
            return GeneratedData.Tutorial;
        }
        VariedOptions basis = fallback ?? new VariedOptions();
        var options = basis with
        {
            Task = task is null ? basis.Task : EdgeTasks.Parse(task)!.Value,
            Noise = noise ?? basis.Noise,
            PatchSize = patch ?? basis.PatchSize,
        };
        return GeneratedData.VariedWith(options);
    }

    private static Option<string> CreateDataset(bool modelDefaults)
    {
        const string what = "Generated patches: 'tutorial' (the tutorial's make_data) or 'varied' (random levels, noise, soft edges, harder negatives)";
        var option = new Option<string>("--dataset") { HelpName = "tutorial|varied", Description = modelDefaults ? what + " (default: the model's)." : what + "." };
        if (!modelDefaults)
        {
            option.DefaultValueFactory = _ => "tutorial";
        }
        OneOf(option, "tutorial", "varied");
        return option;
    }

    private static Option<string?> CreateTask(string fallback)
    {
        var option = new Option<string?>("--task")
        {
            HelpName = "edge|orientation",
            Description = "Varied data: 'edge' (vertical dark→bright edge or not, the tutorial's question) or 'orientation' (vertical/horizontal × dark→bright/bright→dark, or none)" + fallback,
        };
        OneOf(option, "edge", "orientation");
        return option;
    }

    // Like AcceptOnlyFromAmong, with the one-line message every edgenet error has.
    internal static void OneOf(Option option, params string[] names) =>
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!names.Contains(token.Value, StringComparer.Ordinal))
                {
                    result.AddError($"{option.Name} must be {string.Join(" or ", names.Select(n => $"'{n}'"))} (got '{token.Value}').");
                }
            }
        });
}
