using System.Reflection;

namespace EdgeNet.Tests.Library;

/// <summary>
/// The engine's namespaces (its folders) depend on each other one way: kernels know no model type, the model knows
/// the kernels. Read from the compiled code (<see cref="NamespaceDependencies"/>), so a call hidden in a method body
/// counts as much as a field's type.
/// </summary>
public sealed class FolderCycleTests
{
    private static readonly Assembly Engine = typeof(Network<double>).Assembly;

    /// <summary>
    /// The edges that still lie on a cycle, as found on the day this test came (issue #23): a ratchet, the list may only
    /// shrink. Most run through the root namespace, which holds both <see cref="Network{T}"/> (a model type that uses
    /// Layers, Passes, Optimizers) and what everything uses (<c>Limits</c>, <see cref="SoftmaxCrossEntropy"/>,
    /// <see cref="NumpyRandom"/>): moving those to namespaces of their own breaks most of them. A new edge on a cycle
    /// fails the test; so does an entry here that is no longer on one (remove it).
    /// </summary>
    private static readonly string[] KnownCycles =
    [
        "EdgeNet -> EdgeNet.Layers",
        "EdgeNet -> EdgeNet.Optimizers",
        "EdgeNet -> EdgeNet.Passes",
        "EdgeNet.Data -> EdgeNet",
        "EdgeNet.Data -> EdgeNet.IO",
        "EdgeNet.Data -> EdgeNet.Inference",
        "EdgeNet.IO -> EdgeNet",
        "EdgeNet.Inference -> EdgeNet",
        "EdgeNet.Inference -> EdgeNet.Data",
        "EdgeNet.Inference -> EdgeNet.Kernels",
        "EdgeNet.Inference -> EdgeNet.Layers",
        "EdgeNet.Inference -> EdgeNet.Reference",
        "EdgeNet.Kernels -> EdgeNet",
        "EdgeNet.Layers -> EdgeNet",
        "EdgeNet.Layers -> EdgeNet.Kernels",
        "EdgeNet.Models -> EdgeNet.Training",
        "EdgeNet.Optimizers -> EdgeNet",
        "EdgeNet.Optimizers -> EdgeNet.Kernels",
        "EdgeNet.Optimizers -> EdgeNet.Layers",
        "EdgeNet.Passes -> EdgeNet",
        "EdgeNet.Passes -> EdgeNet.Kernels",
        "EdgeNet.Passes -> EdgeNet.Layers",
        "EdgeNet.Passes -> EdgeNet.Optimizers",
        "EdgeNet.Passes -> EdgeNet.Reference",
        "EdgeNet.Reference -> EdgeNet",
        "EdgeNet.Reference -> EdgeNet.Inference",
        "EdgeNet.Reference -> EdgeNet.Layers",
        "EdgeNet.Reference -> EdgeNet.Passes",
        "EdgeNet.Training -> EdgeNet.Models",
    ];

    [Fact]
    public void The_kernels_name_no_model_type()
    {
        // Given what the kernels' namespace uses
        Dictionary<string, HashSet<string>> edges = NamespaceDependencies.Of(Engine);

        // Then it is nothing of the engine's but the root's shared math and caps (spans, arrays, sizes in; no Dense,
        // Network, optimizer or buffers of a pass: no Layers, Passes, Optimizers, Training, Models, Inference)
        Assert.Equal(["EdgeNet"], edges["EdgeNet.Kernels"]);
    }

    [Fact]
    public void No_two_namespaces_of_the_engine_depend_on_each_other_round_a_cycle()
    {
        // Given every namespace of the engine and the ones it uses
        Dictionary<string, HashSet<string>> edges = NamespaceDependencies.Of(Engine);

        // When each namespace's dependencies are followed
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string start in edges.Keys)
        {
            foreach (string next in edges[start])
            {
                if (Reaches(edges, next, start))
                {
                    cycles.Add($"{start} -> {next}");
                }
            }
        }

        // Then the only edges on a cycle are the known ones, and every known one is still there
        Assert.True(KnownCycles.Order(StringComparer.Ordinal).SequenceEqual(cycles), $"edges on a cycle: {string.Join(", ", cycles.Select(c => $"\"{c}\""))}");
    }

    [Fact]
    public void The_reader_sees_a_call_made_only_inside_a_method_body()
    {
        // Given a namespace known to call into the kernels only from method bodies (the GEMM pass calls Gemm through Dense)
        Dictionary<string, HashSet<string>> edges = NamespaceDependencies.Of(Engine);

        // Then the edges found include them: the reader follows the IL, not only signatures
        Assert.Contains("EdgeNet.Kernels", edges["EdgeNet.Layers"]);
        Assert.Contains("EdgeNet.Passes", edges["EdgeNet"]);
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> edges, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
        {
            string at = stack.Pop();
            if (at == to)
            {
                return true;
            }
            if (seen.Add(at) && edges.TryGetValue(at, out HashSet<string>? next))
            {
                foreach (string n in next)
                {
                    stack.Push(n);
                }
            }
        }
        return false;
    }
}
