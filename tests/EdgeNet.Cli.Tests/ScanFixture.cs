namespace EdgeNet.Cli.Tests;

/// <summary>Trained once for the scan tests: a small seeded orientation model, and the drawn test scene.</summary>
public sealed class ScanFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public ScanFixture()
    {
        Model = _folder.File("orientation.json");
        Scene = _folder.File("scene.png");
        CliRun train = CliRun.Of("train", "--dataset", "varied", "--task", "orientation", "--train-samples", "1500", "--epochs", "5", "--test-samples", "100", "--log-every", "0", "--save", Model);
        Assert.True(train.ExitCode == 0, train.Error);
        CliRun scene = CliRun.Of("scene", "--out", Scene, "--width", "64", "--height", "48");
        Assert.True(scene.ExitCode == 0, scene.Error);
    }

    public string Model { get; }

    public string Scene { get; }

    public void Dispose() => _folder.Dispose();
}
