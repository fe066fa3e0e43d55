using System.Numerics;
using EdgeNet.Passes;

namespace EdgeNet.Cli.Output;

/// <summary>The planner's choices for a training run, in words (<c>edgenet train --explain</c>).</summary>
internal static class PlanText
{
    /// <summary>Evaluation runs the test set in batches of this many rows (as <c>Evaluation.Of</c> does).</summary>
    private const int EvaluationChunk = 256;

    public static void Write<T>(TextWriter output, Network<T> network, int batchSize, int testCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        output.WriteLine("Plan:");
        Line(output, $"training steps of {batchSize} {(batchSize == 1 ? "sample" : "samples")}", network.Plan(batchSize));
        if (testCount > 0)
        {
            Line(output, $"test set, {Math.Min(EvaluationChunk, testCount)} at a time", network.Plan(Math.Min(EvaluationChunk, testCount)));
        }
        output.WriteLine();
    }

    private static void Line(TextWriter output, string what, PassPlan plan) =>
        output.WriteLine($"  {what}: {Name(plan.Path)} ({plan.Reason})");

    private static string Name(PassPath path) => path switch
    {
        PassPath.Reference => "reference pass, src/EdgeNet/Reference/ReferencePass.cs",
        PassPath.OneRow => "one-row kernels, src/EdgeNet/Kernels/OneRow",
        PassPath.FeatureMajor => "feature-major kernels, src/EdgeNet/Kernels/FeatureMajor",
        PassPath.NoFma => "no-FMA kernels, src/EdgeNet/Kernels/NoFma",
        _ => "matrix products, src/EdgeNet/Kernels/Gemm",
    };
}
