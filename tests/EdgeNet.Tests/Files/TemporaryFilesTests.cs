using EdgeNet.IO;

namespace EdgeNet.Tests.Files;

/// <summary>What the Ctrl+C handler relies on: deleting every temporary file under way and refusing new ones.</summary>
[Collection(Serial.Name)]
public sealed class TemporaryFilesTests
{
    [Fact]
    public void An_interrupt_during_a_save_removes_its_temporary_file_and_keeps_the_old_target()
    {
        string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "edgenet-tmp-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            string target = Path.Combine(folder, "model.json");
            File.WriteAllText(target, "old");
            int deleted = -1;

            // When the interrupt handler runs while the bytes are being written
            Assert.Throws<OperationCanceledException>(() => AtomicFile.Write(target, stream =>
            {
                stream.Write(new byte[1000]);
                deleted = TemporaryFiles.DeleteAllAndClose();
            }));

            // Then the temporary file is gone, the target untouched, and no new save starts
            Assert.True(deleted >= 1);
            Assert.Equal([target], Directory.GetFiles(folder));
            Assert.Equal("old", File.ReadAllText(target));
            Assert.Throws<OperationCanceledException>(() => AtomicFile.WriteAllText(Path.Combine(folder, "later.json"), "x"));
            Assert.Equal([target], Directory.GetFiles(folder));
        }
        finally
        {
            TemporaryFiles.Reopen();
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Tests that change process-wide state run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Serial
{
    public const string Name = "Serial (process-wide state)";
}
