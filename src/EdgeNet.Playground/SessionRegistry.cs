namespace EdgeNet.Playground;

/// <summary>Counts the open sessions (against the cap) and those training right now.</summary>
internal sealed class SessionRegistry(int maxSessions) : ITrainingShare
{
    private int _open;
    private int _training;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Open => Volatile.Read(ref _open);

    public int Training => Volatile.Read(ref _training);

    /// <summary>Completes at the next change of <see cref="Open"/> or <see cref="Training"/> (take it before reading them).</summary>
    public Task Changed => Volatile.Read(ref _changed).Task;

    /// <summary>Takes a place; false when all <c>maxSessions</c> are taken.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= maxSessions)
        {
            Signal();
            return true;
        }
        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Leave()
    {
        Interlocked.Decrement(ref _open);
        Signal();
    }

    public void ChangeTraining(int change)
    {
        Interlocked.Add(ref _training, change);
        Signal();
    }

    private void Signal() =>
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
