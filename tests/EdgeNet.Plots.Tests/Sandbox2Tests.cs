using EdgeNet.Plots.Guide;

namespace EdgeNet.Plots.Tests;

public class Sandbox2Tests
{
    [Fact]
    public void Sandbox2()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = GuideWriter.Write("/tmp/viz-out/guide");
        File.WriteAllText("/tmp/viz-out/guide-time.txt", sw.Elapsed.ToString());
        Assert.True(File.Exists(result.IndexPath));
    }
}
