using System.Text.RegularExpressions;
using Gem.Monitor.Gemeenten;

namespace Gem.Monitor.Social;

/// <summary>What a CBS/RIVM region label is.</summary>
public enum CbsRegionKind
{
    Nation,
    /// <summary>An aggregate of gemeenten: province, landsdeel, COROP, GGD, youth-care, labour-market, Veilig Thuis or RMC region, size class.</summary>
    Aggregate,
    Gemeente,
    /// <summary>A wijk (RIVM small-area tables only).</summary>
    Wijk,
}

/// <summary>A placed region label; for a gemeente, its match in the monitor gemeenten (through the alias table).</summary>
public sealed record CbsRegion(string Label, CbsRegionKind Kind, GemeenteMatch? Match);

/// <summary>
/// Places CBS/RIVM region labels (docs/decisions/110-social-monitor-sources.md):
/// <list type="number">
/// <item>"Nederland" (or code NL01) is the nation.</item>
/// <item>A label ending in an aggregate suffix — (PV) province, (LD) landsdeel, (CR) COROP, (GG) GGD, (JZ) youth-care region,
/// (AM) labour-market region, (VT) Veilig Thuis region, (CG) combined gemeenten, (MC) RMC region — or a gemeente size class
/// ("Vier grote gemeenten (4)", "Gemeenten &lt; 100 000 inwoners", …) is an aggregate and is not used.</item>
/// <item>Otherwise it is a gemeente of the table's year: the suffix " (gemeente)" is dropped ("Utrecht (gemeente)"), the name is
/// resolved by <see cref="GemeenteNames"/> (so a former gemeente maps through the alias table to the monitor gemeente it merged
/// into); if that fails and the name carries a province qualifier such as (L.), (NH.), (O.), (Z.), (ZH.), (Gld.) — part of the
/// gemeente name, not an aggregate — the name without it is tried (CBS writes "Beek (L.)" where the monitor says "Beek";
/// "Bergen (L.)" and "Bergen (NH.)" are monitor gemeenten as they are).</item>
/// <item>Anything else is an error that names the file, the line and the column.</item>
/// </list>
/// </summary>
public static partial class CbsRegions
{
    public static CbsRegion Place(string label, GemeenteNames names, string source, int line, string column)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(names);
        string text = label.Trim();
        if (text is "Nederland" or "NL01")
        {
            return new CbsRegion(text, CbsRegionKind.Nation, null);
        }

        if (AggregateSuffix().IsMatch(text) || SizeClass().IsMatch(text))
        {
            return new CbsRegion(text, CbsRegionKind.Aggregate, null);
        }

        string name = text.EndsWith(" (gemeente)", StringComparison.Ordinal) ? text[..^" (gemeente)".Length] : text;
        GemeenteMatch? match = names.TryResolve(name);
        if (match is null)
        {
            Match q = ProvinceQualifier().Match(name);
            if (q.Success)
            {
                match = names.TryResolve(name[..q.Index]);
            }
        }

        return match is not null
            ? new CbsRegion(text, CbsRegionKind.Gemeente, match with { SourceName = text })
            : throw new SocialFormatException(
                $"{source}: line {line}, column '{column}': region '{text}' is neither Nederland, an aggregate nor a gemeente "
                + "known to the monitor (src/Gem.Monitor/Gemeenten: gemeenten.txt and gemeente-aliases.csv). Add a spelling or merger row for it.");
    }

    [GeneratedRegex(@"\((PV|LD|CR|GG|JZ|AM|VT|CG|MC|RE|GR)\)$")]
    private static partial Regex AggregateSuffix();

    [GeneratedRegex(@"^(Vier grote gemeenten|Gemeenten\s*(<|>|>=|<=|met|van)|Gemeentegrootte|Totaal\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SizeClass();

    [GeneratedRegex(@"\s*\((L|NH|O|Z|ZH|Gld|Fr|U|Gr|Dr|Ov|Fl|NB)\.\)$")]
    private static partial Regex ProvinceQualifier();
}
