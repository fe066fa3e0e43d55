using System.Runtime.ExceptionServices;

namespace EdgeNet.Kernels;

/// <summary>Work cut into parts that can run at the same time, each on its own share of the output.</summary>
internal interface IParallelWork
{
    /// <summary>Does part <paramref name="part"/> of <paramref name="parts"/>.</summary>
    void Run(int part, int parts);
}

/// <summary>
/// A fork–join over long-lived worker threads that allocates nothing per call (a training step must not): the caller
/// runs part 0 itself and waits for the workers' parts. One job at a time: a caller that finds the pool busy (another
/// thread's job, or a part that asks for the pool again) runs every part itself, in order. Which thread runs a part
/// never changes what the part computes.
/// </summary>
internal sealed class WorkerPool
{
    private static WorkerPool? _shared;

    private readonly SemaphoreSlim[] _start;
    private readonly ManualResetEventSlim _done = new(false);
    private IParallelWork? _work;
    private int _parts;
    private int _pending;
    private int _busy;
    private Exception? _failure;

    private WorkerPool(int workers)
    {
        _start = new SemaphoreSlim[workers];
        for (int w = 0; w < workers; w++)
        {
            _start[w] = new SemaphoreSlim(0);
            int part = w + 1;
            var thread = new Thread(() => Loop(part)) { IsBackground = true, Name = $"EdgeNet worker {part}" };
            thread.Start();
        }
    }

    /// <summary>The pool of the process: one worker for each processor but the caller's, started on first use.</summary>
    public static WorkerPool Shared => LazyInitializer.EnsureInitialized(ref _shared, () => new WorkerPool(Math.Max(0, Environment.ProcessorCount - 1)));

    /// <summary>Threads that can run parts at once: the workers and the caller.</summary>
    public int Threads => _start.Length + 1;

    /// <summary>
    /// Runs parts 0 … <paramref name="parts"/> − 1 of <paramref name="work"/> (at most <see cref="Threads"/> parts)
    /// and returns when all are done; an exception from any part is rethrown here.
    /// </summary>
    public void Run(IParallelWork work, int parts)
    {
        parts = Math.Min(parts, Threads);
        if (parts <= 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int part = 0; part < parts; part++)
            {
                work.Run(part, parts);                                   // alone, or the pool is taken: every part here
            }
            return;
        }
        try
        {
            _work = work;
            _parts = parts;
            _failure = null;
            _done.Reset();
            Volatile.Write(ref _pending, parts - 1);
            for (int w = 0; w < parts - 1; w++)
            {
                _start[w].Release();                                     // parts 1 … parts − 1 on the workers
            }
            try
            {
                work.Run(0, parts);                                      // part 0 here
            }
            finally
            {
                _done.Wait();                                            // never return while a worker still writes
            }
            if (_failure is not null)
            {
                ExceptionDispatchInfo.Capture(_failure).Throw();
            }
        }
        finally
        {
            _work = null;
            Volatile.Write(ref _busy, 0);
        }
    }

    private void Loop(int part)
    {
        while (true)
        {
            _start[part - 1].Wait();
            try
            {
                _work!.Run(part, _parts);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _done.Set();
            }
        }
    }
}
