namespace EdgeNet.Diagnostics;

/// <summary>One update of an <see cref="OptimizerTrace"/>.</summary>
/// <param name="Number">t: 1 for the first update.</param>
/// <param name="Loss">L on the example before the update.</param>
/// <param name="LossAfter">L on the example after it.</param>
/// <param name="BiasCorrections">Adam and AdamW: 1 − β1ᵗ and 1 − β2ᵗ; null for the other rules.</param>
/// <param name="Parameters">W1, b1, W2, b2, …: what happened to each.</param>
public sealed record OptimizerStepTrace(int Number, double Loss, double LossAfter, (double First, double Second)? BiasCorrections, IReadOnlyList<ParameterTrace> Parameters);
