namespace EdgeNet.Playground;

/// <summary>Counts the open sessions (against the cap) and those training right now.</summary>
internal sealed class SessionRegistry(int maxSessions) : ITrainingShare
{
    private int _open;
    private int _training;

    public int Open => Volatile.Read(ref _open);

    public int Training => Volatile.Read(ref _training);

    /// <summary>Takes a place; false when all <c>maxSessions</c> are taken.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _open) <= maxSessions)
        {
            return true;
        }
        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Leave() => Interlocked.Decrement(ref _open);

    public void ChangeTraining(int change) => Interlocked.Add(ref _training, change);
}
