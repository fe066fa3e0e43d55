using System.Numerics;
using System.Runtime.Intrinsics;
using EdgeNet.Kernels;
using EdgeNet.Layers;

namespace EdgeNet.Passes;

/// <summary>
/// The one place that chooses which code runs a pass, once the network's sizes, its number type and the batch size
/// are known. Every path gives the reference pass's numbers, to the bit or within the tolerance
/// <c>docs/architecture.md</c> states for it.
/// </summary>
internal static class PassPlanner
{
    /// <summary>
    /// The path for a batch of <paramref name="batch"/> rows: the reference loops when asked for, else the no-FMA kernels
    /// where multiply-adds cannot be fused in hardware, else one-row kernels
    /// for a single row through narrow layers, else the feature-major kernels for a float32 training batch that fits
    /// them (<paramref name="withLoss"/>: forward with the loss, then backward), else the matrix products.
    /// Allocates nothing: it runs before every pass.
    /// </summary>
    public static PassPath Choose<T>(IReadOnlyList<Dense<T>> layers, HiddenActivation activation, int batch, bool withLoss, bool reference)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (reference)
        {
            return PassPath.Reference;
        }
        if (PlainRows.Applies)
        {
            return PassPath.NoFma;                                         // every other path's multiply-adds are fused: in software here
        }
        if (activation != HiddenActivation.Relu)
        {
            return PassPath.Gemm;                                          // the one-row and feature-major kernels are ReLU only
        }
        if (batch == 1 && Widest(layers) <= OneRowLimit<T>())
        {
            return PassPath.OneRow;
        }
        if (withLoss && FeatureMajorPass<T>.Fits(layers, batch))
        {
            return PassPath.FeatureMajor;
        }
        return PassPath.Gemm;
    }

    /// <summary><see cref="Choose"/>'s answer with the reason, in words.</summary>
    public static PassPlan Explain<T>(IReadOnlyList<Dense<T>> layers, HiddenActivation activation, int batch, bool withLoss, bool reference)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        PassPath path = Choose(layers, activation, batch, withLoss, reference);
        int widest = Widest(layers), limit = OneRowLimit<T>();
        string reason = path switch
        {
            PassPath.Reference => "the plain loops of the reference pass were asked for",
            PassPath.NoFma => "128-bit vectors but no fused multiply-add in this processor or runtime (WebAssembly; x86 without FMA): row-major kernels with a plain multiply and add, so that no multiply-add runs in software",
            PassPath.OneRow => $"one row, and every layer has at most {limit} outputs: the output row stays in registers; an epoch a sample at a time runs as one pipeline (each update in the same sweep as the next sample's forward pass)",
            _ when activation != HiddenActivation.Relu => $"the hidden activation is {HiddenActivations.Name(activation)}: matrix products, with the activation applied between them (the one-row and feature-major kernels are ReLU only)",
            PassPath.FeatureMajor => $"float32 on 512-bit vectors, every layer at most {Vector512<float>.Count} outputs and at least {FeatureMajorPass<T>.MinimumBatch} rows: the batch runs across the vector lanes",
            _ when batch == 1 => $"one row, but a layer has {widest} outputs (the one-row kernels take at most {limit})",
            _ => $"a batch of {batch}: register-tiled matrix products{WhyNotFeatureMajor(layers, batch, withLoss)}",
        };
        return new PassPlan(path, batch, reason);
    }

    private static int OneRowLimit<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => 2 * Vector512<T>.Count;

    private static int Widest<T>(IReadOnlyList<Dense<T>> layers)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int widest = 0;
        for (int l = 0; l < layers.Count; l++)
        {
            widest = Math.Max(widest, layers[l].Outputs);
        }
        return widest;
    }

    private static string WhyNotFeatureMajor<T>(IReadOnlyList<Dense<T>> layers, int batch, bool withLoss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!withLoss)
        {
            return " (the feature-major kernels serve training steps only)";
        }
        if (typeof(T) != typeof(float))
        {
            return $" (the feature-major kernels are float32 only; this network is {(typeof(T) == typeof(double) ? "float64" : typeof(T).Name)})";
        }
        if (!Simd512<float>.IsAccelerated || !Lanes16.IsSupported)
        {
            return " (the feature-major kernels need AVX-512, which this processor or runtime does not offer)";
        }
        if (batch < FeatureMajorPass<T>.MinimumBatch)
        {
            return $" (the feature-major kernels need at least {FeatureMajorPass<T>.MinimumBatch} rows)";
        }
        return $" (the feature-major kernels take layers of at most {Vector512<float>.Count} outputs; the widest has {Widest(layers)})";
    }
}

/// <summary>
/// A network's passes, one object per path, made the first time the planner (<see cref="PassPlanner"/>) chooses it:
/// the network asks for the pass of a batch and runs it, never the path.
/// </summary>
internal sealed class PassPlanner<T>(Dense<T>[] layers, HiddenActivation activation)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private ReferenceLoopsPass<T>? _reference;
    private OneRowPass<T>? _oneRow;
    private FeatureMajorPass<T>? _featureMajor;
    private GemmPass<T>? _gemm;
    private GemmPass<T>? _noFma;

    /// <summary>The pass of a training step (forward with the loss, backward) of <paramref name="batch"/> rows.</summary>
    public IPass<T> ForTraining(int batch, bool reference) =>
        PassPlanner.Choose(layers, activation, batch, withLoss: true, reference) == PassPath.FeatureMajor
            ? _featureMajor ??= new FeatureMajorPass<T>(layers)
            : ForPrediction(batch, reference);

    /// <summary>The pass of a forward pass without labels (prediction) of <paramref name="batch"/> rows.</summary>
    public IForwardPass<T> ForPrediction(int batch, bool reference) =>
        PassPlanner.Choose(layers, activation, batch, withLoss: false, reference) switch
        {
            PassPath.Reference => _reference ??= new ReferenceLoopsPass<T>(layers, activation),
            PassPath.OneRow => _oneRow ??= new OneRowPass<T>(layers),
            PassPath.NoFma => _noFma ??= new GemmPass<T>(layers, activation, plainMultiplyAdd: true),
            _ => _gemm ??= new GemmPass<T>(layers, activation),
        };

    /// <summary>The one-row pass when a batch-1 training step takes it (then an epoch of them runs as one pipeline); else null.</summary>
    public OneRowPass<T>? ForPerSample(bool reference) => ForTraining(1, reference) as OneRowPass<T>;
}
