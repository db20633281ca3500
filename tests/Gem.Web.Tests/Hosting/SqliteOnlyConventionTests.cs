using System.Text.RegularExpressions;

namespace Gem.Web.Tests.Hosting;

/// <summary>
/// Data tests run on both providers (issue 11): a test that fixes <c>DatabaseProvider.Sqlite</c> (for a
/// <see cref="Gem.Testing.TestDatabase"/>, a <see cref="Gem.Testing.GemWebFactory"/>, a demo host or a context) is a
/// visible exception, marked <c>[SqliteOnly("reason")]</c> on the test method or on its class. The scan reads every
/// test source under <c>tests/</c> (except the Gem.Testing library, which takes the provider as a parameter, and this file, whose examples are the scanner's own test). A fixed use
/// is one passed as an argument or assigned (<c>(DatabaseProvider.Sqlite</c>, <c>= DatabaseProvider.Sqlite</c>);
/// comparisons (<c>== DatabaseProvider.Sqlite</c>) and provider lists (<c>{ DatabaseProvider.Sqlite, … }</c>) are not.
/// The enclosing member is the nearest declaration above it at member indentation (four spaces; file-scoped
/// namespaces), the class the nearest type declaration at column 0.
/// Known limit: a helper that fixes SQLite for its callers must carry the marker itself or its class must.
/// </summary>
public sealed class SqliteOnlyConventionTests
{
    private static readonly Regex FixedSqlite = new(@"(?:\(|,|(?<![=!<>])=|\bprovider:)\s*(?:\w+\.)*DatabaseProvider\.Sqlite\b", RegexOptions.CultureInvariant);
    private static readonly Regex Marker = new(@"\bSqliteOnly(?:Attribute)?\(\s*""(?<reason>(?:[^""\\]|\\.)*)""", RegexOptions.CultureInvariant);
    private static readonly Regex TypeDeclaration = new(@"^(?:(?:public|internal|sealed|static|abstract|partial|file)\s+)*(?:class|record|struct)\s", RegexOptions.CultureInvariant);

    [Fact]
    public void EverySqliteOnlyTest_IsMarkedWithAReason()
    {
        var root = RouteListTests.RepoRoot();
        var unmarked = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("tests/Gem.Testing/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
                || relative.Contains("/bin/", StringComparison.Ordinal) || relative.EndsWith("/SqliteOnlyConventionTests.cs", StringComparison.Ordinal)) continue;
            unmarked.AddRange(Unmarked(File.ReadAllText(file)).Select(u => $"{relative}:{u}"));
        }
        Assert.True(unmarked.Count == 0, "Runs on SQLite only without [SqliteOnly(\"reason\")] on the test or its class; make it a "
            + "[Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))] or mark it:\n  " + string.Join("\n  ", unmarked));
    }

    [Fact]
    public void TheScanFindsAnUnmarkedSqliteTest_AndAcceptsMarkedOnes()
    {
        const string unmarked = """
            namespace X;

            public sealed class A
            {
                [SqliteOnly("renders a page; the queries run on both providers in B")]
                [Fact]
                public async Task Marked() => await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);

                [Fact]
                public async Task Unmarked()
                {
                    await using var database = await TestDatabase.CreateAsync(Core.Data.DatabaseProvider.Sqlite);
                }

                [Fact, SqliteOnly(" ")]
                public async Task EmptyReason() => await hosts.GetAsync(DatabaseProvider.Sqlite);

                [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
                public void BothProviders(DatabaseProvider provider) => Assert.Equal(provider == DatabaseProvider.Sqlite, IsFile(provider));
            }
            """;
        Assert.Equal(["line 12: public async Task Unmarked()", "line 16: public async Task EmptyReason() => await hosts.GetAsync(DatabaseProvider.Sqlite);"],
            Unmarked(unmarked.ReplaceLineEndings("\n")));

        const string classMarked = """
            namespace X;

            /// <summary>A page.</summary>
            [SqliteOnly("renders a page")]
            public sealed class A
            {
                public sealed class Fixture : IAsyncLifetime
                {
                    public async Task InitializeAsync() => Factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
                }
            }
            """;
        Assert.Empty(Unmarked(classMarked.ReplaceLineEndings("\n")));
        Assert.Single(Unmarked(classMarked.Replace("[SqliteOnly(\"renders a page\")]", "", StringComparison.Ordinal).ReplaceLineEndings("\n")));
        Assert.ThrowsAny<ArgumentException>(() => new Gem.Testing.SqliteOnlyAttribute(" "));
    }

    /// <summary>Each fixed SQLite use in <paramref name="source"/> without a marker, as "line N: the enclosing member's declaration".</summary>
    private static List<string> Unmarked(string source)
    {
        var lines = source.Split('\n');
        var found = new List<string>();
        foreach (Match use in FixedSqlite.Matches(source))
        {
            var at = source.AsSpan(0, use.Index).Count('\n');
            if (lines[at].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
            var member = Declaration(lines, at, "    ", line => line.Length > 4 && char.IsLetter(line[4]));
            var type = Declaration(lines, at, "", line => TypeDeclaration.IsMatch(line));
            if (IsMarked(lines, member, "    ") || IsMarked(lines, type, "")) continue;
            found.Add($"line {at + 1}: {(member >= 0 ? lines[member].Trim() : "?")}");
        }
        return found;
    }

    /// <summary>The nearest line at or above <paramref name="at"/> with exactly <paramref name="indent"/> that declares something, or -1.</summary>
    private static int Declaration(string[] lines, int at, string indent, Func<string, bool> declares)
    {
        for (var i = at; i >= 0; i--)
            if (lines[i].StartsWith(indent, StringComparison.Ordinal) && (indent.Length == lines[i].Length || lines[i][indent.Length] != ' ') && declares(lines[i]))
                return i;
        return -1;
    }

    /// <summary>Whether the attributes and doc comment just above the declaration (same indent) carry a marker with a reason.</summary>
    private static bool IsMarked(string[] lines, int declaration, string indent)
    {
        if (declaration < 0) return false;
        for (var i = declaration - 1; i >= 0; i--)
        {
            if (!lines[i].StartsWith(indent + "[", StringComparison.Ordinal) && !lines[i].StartsWith(indent + "//", StringComparison.Ordinal)) return false;
            if (lines[i].StartsWith(indent + "[", StringComparison.Ordinal) && Marker.Match(lines[i]) is { Success: true } m && !string.IsNullOrWhiteSpace(m.Groups["reason"].Value)) return true;
        }
        return false;
    }
}
