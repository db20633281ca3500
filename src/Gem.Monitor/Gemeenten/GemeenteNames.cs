using System.Globalization;
using System.Reflection;
using System.Text;

namespace Gem.Monitor.Gemeenten;

/// <summary>How a name maps onto a monitor gemeente.</summary>
public enum GemeenteAliasKind
{
    /// <summary>The name is a monitor gemeente (after normalisation).</summary>
    Self,
    /// <summary>Another spelling of the same gemeente (Vektis abbreviations, a misspelling in a source).</summary>
    Spelling,
    /// <summary>A former gemeente merged into the target.</summary>
    Merger,
    /// <summary>A former gemeente split over several others; it has no single target.</summary>
    Split,
}

/// <summary>The outcome of resolving one source name.</summary>
/// <param name="Gemeente">The monitor gemeente, or null for a split gemeente.</param>
public sealed record GemeenteMatch(string SourceName, string? Gemeente, GemeenteAliasKind Kind);

/// <summary>
/// Maps gemeente names from Vektis (UPPER CASE, no diacritics) and CBS (official spelling) onto one
/// harmonised set of "monitor gemeenten": the CBS division of 1 January 2022 with the 2023 merger
/// Voorne aan Zee applied. Rule (docs/decisions/101-gemeente-names.md): normalise a name (strip
/// diacritics, upper case, every run of non-letters/digits becomes one space, trim), then look it up
/// among the normalised monitor gemeenten, then in the alias table <c>gemeente-aliases.csv</c>
/// (spellings, mergers, splits). Anything else is an error that names the gemeente.
/// </summary>
public sealed class GemeenteNames
{
    private readonly Dictionary<string, GemeenteMatch> _byKey;

    private GemeenteNames(IReadOnlyList<string> gemeenten, Dictionary<string, GemeenteMatch> byKey)
    {
        Gemeenten = gemeenten;
        _byKey = byKey;
    }

    /// <summary>The 343 monitor gemeenten, sorted by name.</summary>
    public IReadOnlyList<string> Gemeenten { get; }

    /// <summary>The shipped table (embedded resources).</summary>
    public static GemeenteNames Default { get; } = LoadEmbedded();

    /// <summary>The normalised lookup key of a name: no diacritics, upper case, non-alphanumerics collapsed to one space.</summary>
    public static string Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string decomposed = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool pendingSpace = false;
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(char.ToUpperInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    /// <summary>Resolves a name, or returns null when neither the gemeenten nor the alias table know it.</summary>
    public GemeenteMatch? TryResolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byKey.TryGetValue(Normalise(name), out GemeenteMatch? match)
            ? match with { SourceName = name }
            : null;
    }

    /// <summary>Resolves a name or throws an exception that names it.</summary>
    public GemeenteMatch Resolve(string name, string source)
    {
        return TryResolve(name)
            ?? throw new UnknownGemeenteException(
                $"Gemeente '{name}' in {source} is not a monitor gemeente and is not in the alias table "
                + "(src/Gem.Monitor/Gemeenten/gemeente-aliases.csv). Add a spelling, merger or split row for it.",
                name);
    }

    /// <summary>Builds the table from its two text sources (used by tests with crafted tables).</summary>
    public static GemeenteNames Parse(string gemeentenText, string aliasesCsv)
    {
        var gemeenten = gemeentenText.Split('\n')
            .Select(static l => l.Trim())
            .Where(static l => l.Length > 0 && !l.StartsWith('#'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var byKey = new Dictionary<string, GemeenteMatch>(StringComparer.Ordinal);
        foreach (string g in gemeenten)
        {
            if (!byKey.TryAdd(Normalise(g), new GemeenteMatch(g, g, GemeenteAliasKind.Self)))
            {
                throw new InvalidDataException($"Two monitor gemeenten normalise to the same key: '{g}'.");
            }
        }

        var known = gemeenten.ToHashSet(StringComparer.Ordinal);
        string[] lines = aliasesCsv.Split('\n');
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split(';');
            if (f.Length < 3)
            {
                throw new InvalidDataException($"gemeente-aliases.csv line {i + 1}: expected naam;gemeente;soort;jaar;toelichting.");
            }

            GemeenteAliasKind kind = f[2] switch
            {
                "spelling" => GemeenteAliasKind.Spelling,
                "fusie" => GemeenteAliasKind.Merger,
                "opgesplitst" => GemeenteAliasKind.Split,
                _ => throw new InvalidDataException($"gemeente-aliases.csv line {i + 1}: unknown soort '{f[2]}'."),
            };
            string? target = kind == GemeenteAliasKind.Split ? null : f[1];
            if (target is not null && !known.Contains(target))
            {
                throw new InvalidDataException($"gemeente-aliases.csv line {i + 1}: target '{target}' is not a monitor gemeente.");
            }

            if (!byKey.TryAdd(Normalise(f[0]), new GemeenteMatch(f[0], target, kind)))
            {
                throw new InvalidDataException($"gemeente-aliases.csv line {i + 1}: '{f[0]}' is already known.");
            }
        }

        return new GemeenteNames(gemeenten, byKey);
    }

    private static GemeenteNames LoadEmbedded()
    {
        return Parse(ReadResource("Gem.Monitor.gemeenten.txt"), ReadResource("Gem.Monitor.gemeente-aliases.csv"));
    }

    private static string ReadResource(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>A gemeente name that cannot be mapped.</summary>
public sealed class UnknownGemeenteException(string message, string gemeente) : Exception(message)
{
    public string Gemeente { get; } = gemeente;
}
