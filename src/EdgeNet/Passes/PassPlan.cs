namespace EdgeNet.Passes;

/// <summary>The path a pass of a given batch size takes, and why (what <c>edgenet train --explain</c> prints).</summary>
/// <param name="Path">The code that runs the pass.</param>
/// <param name="Batch">The batch size the plan is for.</param>
/// <param name="Reason">One sentence: why this path and not the others.</param>
public sealed record PassPlan(PassPath Path, int Batch, string Reason);
