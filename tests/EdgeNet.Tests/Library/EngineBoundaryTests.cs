using System.Reflection;

namespace EdgeNet.Tests.Library;

/// <summary>
/// The engine, as the EdgeNet library package ships it, depends on the .NET base library only and carries nothing
/// of the command line: no console, no pictures, no web, no text formatting for people.
/// </summary>
public sealed class EngineBoundaryTests
{
    private static readonly Assembly Engine = typeof(Network<double>).Assembly;

    [Fact]
    public void The_engine_references_only_the_base_library_and_not_the_console()
    {
        // Given the assemblies the engine was compiled against
        string[] references = [.. Engine.GetReferencedAssemblies().Select(a => a.Name!)];

        // Then each is part of .NET itself, and none is the console
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard",
            $"the engine references {name}"));
        Assert.DoesNotContain("System.Console", references);
    }

    [Fact]
    public void No_presentation_namespace_is_in_the_engine()
    {
        // Given the engine's public types
        Type[] types = Engine.GetExportedTypes();

        // Then none lives in EdgeNet.Text (the traces and tables people read are in the EdgeNet.Text project)
        Assert.Contains(types, t => t.Namespace == "EdgeNet");
        Assert.DoesNotContain(types, t => t.Namespace is "EdgeNet.Text" or "EdgeNet.Cli");
    }

    [Fact]
    public void The_file_plumbing_is_internal_but_the_exception_a_public_save_throws()
    {
        // Given the engine's public types in EdgeNet.IO (atomic saves, temporary files, capped reads, quoting: the
        // tools' plumbing, shared with the sibling assemblies through InternalsVisibleTo)
        string[] io = [.. Engine.GetExportedTypes().Where(t => t.Namespace == "EdgeNet.IO").Select(t => t.Name)];

        // Then only the exception ModelFile.Save throws is public, so that a library user can catch it by name
        Assert.Equal([nameof(IO.OutputRefusedException)], io);
        string folder = Directory.CreateTempSubdirectory("edgenet-boundary-").FullName;
        try
        {
            var model = new EdgeNet.Models.Model(Network<double>.Create(4, [2], 2), ["A", "B"], null);
            Assert.Throws<IO.OutputRefusedException>(() => EdgeNet.Models.ModelFile.Save(model, folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
