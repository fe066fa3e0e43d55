using System.CommandLine;
using EdgeNet.Data;
using EdgeNet.Models;

namespace EdgeNet.Cli.Commands;

/// <summary>
/// Which generated data <c>edgenet eval</c> uses: the model's own (as recorded in its file) unless
/// <c>--dataset</c> says otherwise, always with the model's task and patch size.
/// </summary>
internal static class EvalData
{
    public static GeneratedData Resolve(ParseResult parse, GeneratedDataOptions options, Model model)
    {
        EdgeTask task = model.Task
            ?? throw new UsageException($"This model's classes ({string.Join(", ", model.ClassNames)}) are not those of generated patches; give --data FILE.");
        int patch = model.PatchSize
            ?? throw new UsageException($"This model reads {model.Network.Inputs} values, not a square patch; give --data FILE.");
        string defaultName = model.Training?.Varied is not null ? "varied" : "tutorial";
        VariedOptions fallback = model.Training?.Varied ?? new VariedOptions { Task = task, PatchSize = patch };
        GeneratedData data = options.Resolve(parse, defaultName, fallback);
        if (data.PatchSize != patch && data.Varied is null)
        {
            throw new UsageException($"The tutorial's patches are 5×5 but the model reads {patch}×{patch}; evaluate it with --dataset varied.");
        }
        if (data.PatchSize != patch)
        {
            throw new UsageException($"--patch {data.PatchSize} does not match the model, which reads {patch}×{patch} patches ({model.Network.Inputs} inputs).");
        }
        if (data.Task != task)
        {
            throw new UsageException($"The model answers the '{EdgeTasks.Name(task)}' task, not '{EdgeTasks.Name(data.Task)}': its classes are {string.Join(", ", model.ClassNames)}.");
        }
        return data;
    }
}
