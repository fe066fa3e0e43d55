namespace EdgeNet.Diagnostics;

/// <summary>What one update did to one parameter matrix (a layer's W or b), number by number.</summary>
/// <param name="Name">"W1", "b1", …</param>
/// <param name="IsBias">True for b (never decayed).</param>
/// <param name="WeightDecay">The λ that acted on it: the optimizer's for W, 0 for b.</param>
public sealed record ParameterTrace(string Name, bool IsBias, double WeightDecay)
{
    /// <summary>The values before the update.</summary>
    public required TraceMatrix Before { get; init; }

    /// <summary>g = dL/dW (or dL/db), from the backward pass.</summary>
    public required TraceMatrix Gradient { get; init; }

    /// <summary>The first state buffer before the update (v, s or m); null for SGD.</summary>
    public TraceMatrix? FirstBefore { get; init; }

    /// <summary>The first state buffer after the update.</summary>
    public TraceMatrix? FirstAfter { get; init; }

    /// <summary>Adam's second moment v before the update; null for the other rules.</summary>
    public TraceMatrix? SecondBefore { get; init; }

    /// <summary>Adam's second moment v after the update.</summary>
    public TraceMatrix? SecondAfter { get; init; }

    /// <summary>Adam's m̂ = m / (1 − β1ᵗ) after the update.</summary>
    public TraceMatrix? FirstCorrected { get; init; }

    /// <summary>Adam's v̂ = v / (1 − β2ᵗ) after the update.</summary>
    public TraceMatrix? SecondCorrected { get; init; }

    /// <summary>The step each number took: after − before.</summary>
    public required TraceMatrix Step { get; init; }

    /// <summary>The values after the update.</summary>
    public required TraceMatrix After { get; init; }
}
