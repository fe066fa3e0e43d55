namespace EdgeNet.Playground;

/// <summary>
/// The memory a host lets its sessions hold, each by its footprint (<see cref="RunFootprint"/>) computed from its
/// settings before a run is created. The native server shares one budget among all its tabs; a Web Worker has one
/// learner and no budget.
/// </summary>
internal interface IMemoryBudget
{
    /// <summary>
    /// Changes a session's share from <paramref name="held"/> to <paramref name="wanted"/> bytes; returns why not (the
    /// budget and what is free), or null. Shrinking always succeeds.
    /// </summary>
    string? TryResize(long held, long wanted);
}
