using System.Text.RegularExpressions;

namespace Gem.Web.Tests.Hosting;

/// <summary>
/// No import cycle between capability folders (issue 11). A capability is one folder name in <c>src/Gem.Core</c>,
/// <c>src/Gem.Web</c>, <c>src/Gem.Web/Pages</c> and <c>src/Gem.Cli</c> together (Atlas in Core, Web and Pages is one
/// node). An edge X → Y is a file in an X folder that names <c>Gem.Core.Y</c>, <c>Gem.Web.Y</c> or <c>Gem.Web.Pages.Y</c>
/// (a using, an <c>@using</c>, a fully qualified name or a cref). Cross-cutting homes (Common, Data, Identity, Mail, Sms,
/// Abuse, Hosting, Demo, Site) are not capabilities: everyone may use them.
/// Known limit: a type reached through a using that holds for a whole tree (the root <c>Pages/_ViewImports.cshtml</c>
/// imports Atlas and Groups for every page; the global using of Common) is not seen per folder.
/// </summary>
public sealed class CapabilityCycleTests
{
    private static readonly string[] Capabilities =
        ["Atlas", "FrontDoor", "Groups", "Plan", "Consent", "Account", "Dashboard", "Consultation", "Diary", "Community", "Learning", "Monitor"];

    /// <summary>
    /// Edges kept on purpose, each with its reason. The graph without them must have no cycle; each must still exist
    /// (remove it here when the code no longer needs it).
    /// </summary>
    private static readonly Dictionary<(string From, string To), string> Deliberate = new();

    private static readonly Regex Reference = new(@"\bGem\.(?:Core|Web)(?:\.Pages)?\.([A-Z][A-Za-z]+)", RegexOptions.CultureInvariant);

    [Fact]
    public void CapabilityFolders_HaveNoImportCycle()
    {
        var edges = Edges(RouteListTests.RepoRoot());
        var graph = edges.Keys.Where(e => !Deliberate.ContainsKey(e)).ToLookup(e => e.From, e => e.To);
        var cycle = FindCycle(Capabilities, graph);
        Assert.True(cycle is null, cycle is null ? "" : "Import cycle " + string.Join(" → ", cycle) + ":\n"
            + string.Join("\n", cycle.Zip(cycle.Skip(1)).Select(e => $"  {e.First} → {e.Second}: {string.Join(", ", edges[e].Take(5))}")));
    }

    [Fact]
    public void DeliberateEdges_StillExist()
    {
        var edges = Edges(RouteListTests.RepoRoot());
        Assert.All(Deliberate.Keys, e => Assert.True(edges.ContainsKey(e), $"{e.From} → {e.To} is no longer used: remove it from Deliberate."));
    }

    [Fact]
    public void TheScanSeesImports_AndTheSearchFindsACycle()
    {
        var edges = Edges(RouteListTests.RepoRoot());
        Assert.Contains("src/Gem.Web/Groups/SessionEditingApi.cs", edges[("Groups", "Atlas")]); // `using Gem.Web.Atlas;`
        Assert.Contains("src/Gem.Core/Groups/OfferSchedule.cs", edges[("Groups", "Atlas")]); // `using Gem.Core.Atlas;`
        Assert.Contains("src/Gem.Web/Pages/Consultation/About.cshtml.cs", edges[("Consultation", "Consent")]);
        var threeWay = new[] { ("A", "B"), ("B", "C"), ("C", "A") }.ToLookup(e => e.Item1, e => e.Item2);
        Assert.Equal(new[] { "A", "B", "C", "A" }, FindCycle(["A", "B", "C"], threeWay));
        Assert.Null(FindCycle(["A", "B", "C"], new[] { ("A", "B"), ("B", "C"), ("A", "C") }.ToLookup(e => e.Item1, e => e.Item2)));
    }

    /// <summary>Every capability-to-capability edge with the files (relative to the repository) that make it.</summary>
    private static Dictionary<(string From, string To), SortedSet<string>> Edges(string root)
    {
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var (folder, pagesBelow) in new[] { ("src/Gem.Core", false), ("src/Gem.Web", true), ("src/Gem.Cli", false) })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                if (!file.EndsWith(".cs", StringComparison.Ordinal) && !file.EndsWith(".cshtml", StringComparison.Ordinal)) continue;
                var parts = Path.GetRelativePath(Path.Combine(root, folder), file).Split(Path.DirectorySeparatorChar);
                if (pagesBelow && parts[0] == "Pages") parts = parts[1..];
                if (parts.Length < 2 || !Capabilities.Contains(parts[0])) continue;
                var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                foreach (var to in Reference.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct())
                    if (to != parts[0] && Capabilities.Contains(to))
                        (edges.TryGetValue((parts[0], to), out var files) ? files : edges[(parts[0], to)] = new(StringComparer.Ordinal)).Add(relative);
            }
        return edges;
    }

    /// <summary>A cycle as its nodes (first repeated at the end), or null when the graph is acyclic.</summary>
    private static List<string>? FindCycle(IEnumerable<string> nodes, ILookup<string, string> graph)
    {
        var state = new Dictionary<string, bool>(); // false: on the path; true: done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = false;
            path.Add(node);
            foreach (var next in graph[node].Order(StringComparer.Ordinal))
            {
                if (state.TryGetValue(next, out var done))
                {
                    if (!done) return [.. path[path.IndexOf(next)..], next];
                    continue;
                }
                if (Visit(next) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = true;
            return null;
        }
        foreach (var node in nodes.Order(StringComparer.Ordinal))
            if (!state.ContainsKey(node) && Visit(node) is { } cycle) return cycle;
        return null;
    }
}
