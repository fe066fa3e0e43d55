namespace EdgeNet.Diagnostics;

/// <summary>The stages of one SGD step, in the order the tutorial explains them.</summary>
public enum StepStage
{
    /// <summary>x through the layers to p (tutorial Parts 1–3).</summary>
    Forward,

    /// <summary>The cross-entropy loss (tutorial Part 4).</summary>
    Loss,

    /// <summary>Backpropagation, from dL/dz of the last layer down to dL/dW1 (tutorial Part 7).</summary>
    Backward,

    /// <summary>W ← W − α·dL/dW for every layer (tutorial Part 5).</summary>
    Update,

    /// <summary>The same example through the updated network: the loss should be lower.</summary>
    After,
}

/// <summary>
/// One named number or matrix of a step, with the formula that made it and where the tutorial explains it,
/// e.g. <c>dL/dz2</c>, <c>dL/dz2 = p − y</c>, <c>Part 7, Step 1 (A.1)</c>.
/// </summary>
/// <param name="Stage">Which stage of the step it belongs to.</param>
/// <param name="Symbol">The tutorial's name: "x", "z1", "h", "p", "L", "dL/dW1", "W1 (updated)", …</param>
/// <param name="Formula">The equation, in the tutorial's notation: "z1 = x·W1 + b1".</param>
/// <param name="TutorialPart">Where the tutorial explains it: "Part 2, Step 1", "Part 7, Step 3 (A.4)", …</param>
/// <param name="Value">The numbers (a 1×1 matrix for a scalar).</param>
/// <param name="Layer">The layer's number (1 for W1) when the quantity belongs to one layer, else null.</param>
public sealed record StepQuantity(StepStage Stage, string Symbol, string Formula, string TutorialPart, TraceMatrix Value, int? Layer);
