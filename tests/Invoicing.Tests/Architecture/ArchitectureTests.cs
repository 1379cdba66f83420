using System.Text.RegularExpressions;
using Invoicing.Composition;
using Invoicing.Tests.Builders;
using NetArchTest.Rules;

namespace Invoicing.Tests.Architecture;

/// <summary>
/// The rooms of <c>src/Invoicing</c> (<see cref="Rooms"/>, <c>docs/architecture.md</c>): read from the built assembly,
/// so a fully qualified name or a reference inside a method body counts like a <c>using</c>.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Product = typeof(InvoicingServiceCollectionExtensions).Assembly;
    private static readonly TypeGraph Graph = TypeGraph.Of(Product);

    [Fact]
    public void Every_namespace_of_the_product_is_in_a_declared_room()
    {
        var homeless = Graph.NamespaceOf
            .Where(pair => Rooms.Of(pair.Value) is null)
            .Select(pair => $"{pair.Key} (namespace {pair.Value})")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(
            homeless.Length == 0,
            "These types are in a namespace that is in no room; add the namespace to Rooms.BottomToTop (and docs/architecture.md) " +
            "where it belongs, or move the types into an existing room:\n  " + string.Join("\n  ", homeless));
    }

    [Fact]
    public void The_namespaces_use_each_other_without_a_cycle()
    {
        var graph = Graph.Between(@namespace => @namespace);
        var cycles = TypeGraph.Cycles(graph);

        Assert.True(cycles.Count == 0, "These namespaces use each other in a cycle:\n" + string.Join("\n", cycles.Select(cycle => Describe(cycle, graph))));
    }

    [Fact]
    public void A_room_uses_only_the_rooms_below_it()
    {
        var namespaces = Graph.NamespaceOf.Values.Distinct(StringComparer.Ordinal).ToArray();
        var failures = new List<string>();
        foreach (var room in Rooms.BottomToTop)
        {
            var own = namespaces.Where(n => Rooms.Of(n) == room).ToArray();
            var above = namespaces.Where(n => Rooms.Of(n) is { } other && Rooms.Level(other) > Rooms.Level(room)).ToArray();
            if (own.Length == 0 || above.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(Product)
                .That().ResideInNamespaceMatching(Exactly(own))
                .ShouldNot().HaveDependencyOnAny(above)
                .GetResult();
            if (!result.IsSuccessful)
            {
                failures.Add($"{room} uses rooms above it:\n    " + string.Join("\n    ", Offences(result.FailingTypeNames ?? [], above)));
            }
        }

        Assert.True(failures.Count == 0, "A room may use only the rooms listed before it in Rooms.BottomToTop. Move the type down, or pass the data in:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>
    /// Read from the source, not the assembly: a table's name is a constant, which the compiler copies into its user.
    /// Storage itself (which creates the tables) does not count.
    /// </summary>
    [Fact]
    public void Each_table_is_named_by_one_room_only()
    {
        var tables = typeof(Invoicing.Storage.StorageNames).GetFields()
            .Where(f => f.IsLiteral && !f.Name.EndsWith("Container", StringComparison.Ordinal))
            .Select(f => f.Name)
            .ToHashSet(StringComparer.Ordinal);
        var users = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.RepositoryRoot, "src", "Invoicing"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var path in sources)
        {
            var text = File.ReadAllText(path);
            var room = Rooms.Of(Regex.Match(text, @"^namespace ([\w.]+);", RegexOptions.Multiline).Groups[1].Value);
            if (room is null or "Invoicing.Storage")
            {
                continue;
            }

            foreach (var table in Regex.Matches(text, @"StorageNames\.(\w+)\b").Select(m => m.Groups[1].Value).Where(tables.Contains))
            {
                if (!users.TryGetValue(table, out var rooms))
                {
                    users[table] = rooms = new SortedSet<string>(StringComparer.Ordinal);
                }

                rooms.Add($"{room} ({Path.GetFileName(path)})");
            }
        }

        var shared = users.Where(pair => pair.Value.Select(user => user.Split(' ')[0]).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(pair => $"{pair.Key}: {string.Join(", ", pair.Value)}")
            .ToArray();
        Assert.True(shared.Length == 0, "A table has one owner, the room that defines, writes and reads its rows; others ask it. Named by several rooms:\n  " + string.Join("\n  ", shared));
    }

    [Fact]
    public void The_architecture_document_lists_the_rooms_in_the_order_the_test_enforces()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.RepositoryRoot, "docs", "architecture.md"));
        var listed = Regex.Matches(text, @"^\d+\. `(Invoicing(?:\.[A-Za-z]+)*)`", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(Rooms.BottomToTop, listed);
    }

    /// <summary>A regular expression that matches exactly these namespaces (NetArchTest's own namespace filters match prefixes).</summary>
    private static string Exactly(IEnumerable<string> namespaces) => "^(" + string.Join("|", namespaces.Select(Regex.Escape)) + ")$";

    /// <summary>For each failing type NetArchTest names, the types of higher rooms it uses (nested and generated types count for the type that declares them).</summary>
    private static IEnumerable<string> Offences(IEnumerable<string> failingTypes, string[] above)
    {
        foreach (var type in failingTypes.Select(TopLevel).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var used = Graph.Uses.TryGetValue(type, out var targets)
                ? targets.Where(t => above.Contains(Graph.NamespaceOf[t], StringComparer.Ordinal)).Order(StringComparer.Ordinal).ToArray()
                : [];
            yield return used.Length == 0 ? type : $"{type} uses {string.Join(", ", used)}";
        }
    }

    private static string TopLevel(string typeName) => typeName.Split('/', '+')[0];

    private static string Describe(IReadOnlyList<string> cycle, SortedDictionary<string, SortedDictionary<string, SortedSet<string>>> graph) =>
        "  " + string.Join(", ", cycle) + ":\n" + string.Join(
            "\n",
            cycle.SelectMany(from => graph[from].Where(edge => cycle.Contains(edge.Key)).SelectMany(edge => edge.Value)).Select(pair => "    " + pair));
}
