namespace EdgeNet.Imaging;

/// <summary>
/// A photo being decoded on a worker thread into <see cref="Image"/>, rows top to bottom
/// (<see cref="ImageDecoder.StartBytes(string, long, ScanTimings)"/>). Waiting rethrows the decoder's failure.
/// </summary>
public sealed class GrayDecoding : IDisposable
{
    private readonly Task _work;

    internal GrayDecoding(GrayBytes image, Task work)
    {
        Image = image;
        _work = work;
    }

    /// <summary>The image being filled; only its first <see cref="GrayBytes.RowsReady"/> rows are final.</summary>
    public GrayBytes Image { get; }

    /// <summary>Waits until rows 0 … <paramref name="rows"/> − 1 are decoded.</summary>
    /// <exception cref="InvalidDataException">The file turned out truncated or damaged.</exception>
    public void WaitForRows(int rows)
    {
        var spin = new SpinWait();
        while (Image.RowsReady < rows)
        {
            if (_work.IsCompleted)
            {
                _work.GetAwaiter().GetResult();                                 // the decoder's own exception
                if (Image.RowsReady < rows)
                {
                    throw new InvalidOperationException("The decoder stopped before the rows asked for.");
                }
                return;
            }
            spin.SpinOnce(sleep1Threshold: 20);
        }
    }

    /// <summary>Waits for the whole image.</summary>
    public GrayBytes Finish()
    {
        _work.GetAwaiter().GetResult();
        return Image;
    }

    /// <summary>Waits for the worker to stop (its failure, if any, is not rethrown here).</summary>
    public void Dispose()
    {
        try
        {
            _work.Wait();
        }
        catch (AggregateException)
        {
        }
    }
}
