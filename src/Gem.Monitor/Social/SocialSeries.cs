using Gem.Monitor.Gemeenten;

namespace Gem.Monitor.Social;

/// <summary>Which question of the monitor an indicator answers.</summary>
public enum SocialDomain
{
    /// <summary>Need: mental health, anxiety/depression, loneliness, stress.</summary>
    Need,
    /// <summary>Social predictors: debt, benefits, low income, school drop-out, domestic violence.</summary>
    Predictor,
    /// <summary>Reach of social care (Wmo) and youth care.</summary>
    Reach,
    /// <summary>Young adults (16–25): mental health, suicidal thoughts, loneliness, debts (Gezondheidsmonitor Jongvolwassenen 2024).</summary>
    YoungAdults,
}

/// <summary>How the figure was made; the page labels model estimates as estimates.</summary>
public enum SocialEstimate
{
    /// <summary>A weighted survey estimate with a 95% interval (Gezondheidsmonitor).</summary>
    Survey,
    /// <summary>An RIVM small-area (SMAP) model estimate, not a direct survey mean; no interval in the export.</summary>
    ModelEstimate,
    /// <summary>A count from a register or the administration of gemeenten and providers.</summary>
    Register,
}

/// <summary>One indicator: what it is and where it comes from.</summary>
/// <param name="Key">Stable machine key (CSV, resources).</param>
/// <param name="Unit">"%", "per 1.000" or "per 100.000" or "aantal".</param>
/// <param name="Column">The CBS/RIVM column key the value comes from (a ratio names numerator/denominator).</param>
/// <param name="Label">Dutch label (CLI and CSV); the page takes its labels from resources.</param>
public sealed record SocialIndicator(string Key, SocialDomain Domain, string TableId, string Column, string Unit, SocialEstimate Estimate, string Publisher, string Label);

/// <summary>A value with its interval where the source gives one.</summary>
public sealed record SocialValue(double Value, double? Lower = null, double? Upper = null);

/// <summary>A wijk (RIVM 50090NED, division 2020) with its value.</summary>
public sealed record WijkValue(string Code, string Name, string GemeenteCode, string? Gemeente, double Value);

/// <summary>
/// One indicator in one period: the nation, every monitor gemeente that has a value, wijken where the table has them.
/// </summary>
/// <param name="NotCombined">Monitor gemeenten formed by a merger after the table's division whose parts report a rate that cannot be added up without their denominators.</param>
public sealed record SocialSeries(
    SocialIndicator Indicator,
    string Period,
    SocialValue? Nation,
    IReadOnlyDictionary<string, SocialValue> Gemeenten,
    IReadOnlyList<WijkValue> Wijken,
    IReadOnlyList<string> NotCombined)
{
    public SocialValue? Of(string gemeente) => Gemeenten.TryGetValue(gemeente, out SocialValue? v) ? v : null;
}

/// <summary>
/// Collects the source rows of each monitor gemeente and combines them. One source row: its value as published. Several
/// (the parts of a later merger): a ratio with numerator and denominator is Σ numerator / Σ denominator; a count is the sum;
/// a published rate cannot be combined and the gemeente gets no value (listed in <see cref="SocialSeries.NotCombined"/>).
/// A gemeente that was split (the alias table's "opgesplitst") has no single target and counts only in the nation.
/// </summary>
internal sealed class GemeenteAccumulator(bool additive)
{
    private readonly Dictionary<string, List<(double Numerator, double? Denominator, double? Lower, double? Upper)>> _parts = new(StringComparer.Ordinal);

    public void Add(GemeenteMatch match, double numerator, double? denominator = null, double? lower = null, double? upper = null)
    {
        if (match.Gemeente is null)
        {
            return;
        }

        if (!_parts.TryGetValue(match.Gemeente, out var list))
        {
            _parts[match.Gemeente] = list = [];
        }

        list.Add((numerator, denominator, lower, upper));
    }

    public (Dictionary<string, SocialValue> Values, List<string> NotCombined) Result(double scale)
    {
        var values = new Dictionary<string, SocialValue>(StringComparer.Ordinal);
        var notCombined = new List<string>();
        foreach ((string gemeente, var parts) in _parts.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            if (parts.Count == 1)
            {
                var p = parts[0];
                if (p.Denominator is { } d)
                {
                    if (d > 0)
                    {
                        values[gemeente] = new SocialValue(scale * p.Numerator / d);
                    }
                }
                else
                {
                    values[gemeente] = new SocialValue(scale * p.Numerator, p.Lower * scale, p.Upper * scale);
                }
            }
            else if (parts.All(static p => p.Denominator is not null))
            {
                double d = parts.Sum(static p => p.Denominator!.Value);
                if (d > 0)
                {
                    values[gemeente] = new SocialValue(scale * parts.Sum(static p => p.Numerator) / d);
                }
            }
            else if (additive)
            {
                values[gemeente] = new SocialValue(scale * parts.Sum(static p => p.Numerator));
            }
            else
            {
                notCombined.Add(gemeente);
            }
        }

        return (values, notCombined);
    }
}
