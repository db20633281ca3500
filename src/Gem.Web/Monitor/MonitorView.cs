using System.Globalization;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Geo;
using Gem.Monitor.Indicators;
using Gem.Monitor.Report;
using Gem.Monitor.Statistics;
using Gem.Monitor.Vektis;

namespace Gem.Web.Monitor;

/// <summary>How a cell is written.</summary>
public enum CellKind
{
    Count,
    Euro,
    Percent,
    Ratio,
    Score,
    Text,
}

/// <summary>One figure: a value, "x" when suppressed by disclosure control, "–" when it does not apply.</summary>
public sealed record MonitorCell(double? Value, CellKind Kind, bool Suppressed = false, string? Text = null)
{
    public static MonitorCell Hidden(CellKind kind) => new(null, kind, Suppressed: true);

    /// <summary>A value, or "does not apply" for NaN (e.g. a fraction of a column the Vektis year lacks).</summary>
    public static MonitorCell Of(double value, CellKind kind) => new(double.IsFinite(value) ? value : null, kind);

    /// <summary>For people: the current culture, euro sign, percent, "x" and "–".</summary>
    public string Display(CultureInfo culture) => Suppressed ? "x" : Text ?? (Value is not { } v ? "–" : Kind switch
    {
        CellKind.Count => v.ToString("N0", culture),
        CellKind.Euro => "€ " + v.ToString("N0", culture),
        CellKind.Percent => (100 * v).ToString("0.0", culture) + "%",
        _ => v.ToString("0.00", culture),
    });

    /// <summary>For machines: invariant numbers with more digits, percent as a number, "x" when suppressed, empty when it does not apply.</summary>
    public string Csv() => Suppressed ? "x" : Text ?? (Value is not { } v ? string.Empty : Kind switch
    {
        CellKind.Count => v.ToString("0", CultureInfo.InvariantCulture),
        CellKind.Euro => v.ToString("0.00", CultureInfo.InvariantCulture),
        CellKind.Percent => (100 * v).ToString("0.00", CultureInfo.InvariantCulture),
        _ => v.ToString("0.000", CultureInfo.InvariantCulture),
    });
}

/// <param name="Level">Gemeente, region or nation (null for a PC4 row).</param>
public sealed record MonitorRow(string Label, ComparisonLevel? Level, IReadOnlyList<MonitorCell> Cells);

/// <param name="Columns">Resource keys of the column headers; the first names the row label.</param>
public sealed record MonitorTable(string Key, IReadOnlyList<string> Columns, IReadOnlyList<MonitorRow> Rows);

/// <summary>Everything the page shows for one year: tables (also the text alternative of the pictures), two maps and the funnel plot.</summary>
public sealed record MonitorPageData(
    RegionComparison Comparison,
    IReadOnlyList<string> RegionGemeenten,
    IReadOnlyList<MonitorTable> Tables,
    string SesMap,
    string SpendingMap,
    string Funnel,
    int FunnelAbove,
    int FunnelBelow,
    int FunnelCount)
{
    public MonitorTable Table(string key) => Tables.First(t => t.Key == key);
}

/// <summary>
/// Turns Gem.Monitor's results for the region into what the page and its CSV files show. Every figure comes from
/// <see cref="RegionComparison"/> (and so from Gem.Monitor's indicators, standardisation and regression); this class
/// only selects, labels and draws. Disclosure control as everywhere: nothing on fewer than 10 persons, counts rounded to 5.
/// </summary>
public static class MonitorView
{
    public const string Spending = "uitgaven", Standardisation = "standaardisatie", Deprivation = "ses", Pc4 = "pc4";

    public static IReadOnlyList<string> TableKeys { get; } = [Spending, Standardisation, Deprivation, Pc4];

    /// <param name="placeByPc4">The region's PC4 areas and their place names.</param>
    /// <param name="t">Resource lookup for labels.</param>
    public static MonitorPageData Build(MonitorLoad load, int year, string regionName, IReadOnlyDictionary<string, string> placeByPc4, Func<string, string> t, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(placeByPc4);
        ArgumentNullException.ThrowIfNull(t);
        var inputs = load.Inputs ?? throw new InvalidOperationException("The monitor data are not loaded: " + load.Problem);
        MonitorYear monitorYear = load.Years[year];
        var control = new DisclosureControl();
        (IReadOnlyList<string> gemeenten, _) = inputs.Crosswalk.GemeentenOf(placeByPc4.Keys);
        RegionComparison c = RegionComparison.Compute(monitorYear, regionName, gemeenten, control);

        var tables = new List<MonitorTable>
        {
            SpendingTable(c),
            StandardisationTable(c, t),
            DeprivationTable(c),
            Pc4Table(inputs, c.SesYear, placeByPc4, control),
        };

        // Maps of the region: PC4 deprivation with gemeente borders over it, and spending per gemeente in national classes.
        string? Monitor(string cbsName) => inputs.Names.TryResolve(cbsName)?.Gemeente;
        var regionSet = gemeenten.ToHashSet(StringComparer.Ordinal);
        var pc4Features = inputs.Pc4.Where(f => placeByPc4.ContainsKey(f.Name)).ToList();
        var gemeenteFeatures = inputs.Gemeenten.Where(f => Monitor(f.Name) is { } g && regionSet.Contains(g)).ToList();
        var map = new SvgMap(bounds: GeoBounds.Around(pc4Features.Concat(gemeenteFeatures)));
        var text = new MapText(t("Map.NoData"), t("Map.NoDataLegend"), t("Map.Border"));
        var ses = tables[3].Rows.Where(r => r.Cells[^1].Value is not null).ToDictionary(static r => r.Label, static r => r.Cells[^1].Value, StringComparer.Ordinal);
        ColourScale sesScale = new([-0.3, -0.1, 0.1, 0.3], [.. ColourScale.Diverging.Reverse()], "0.00"); // as the report: red = low status
        string sesMap = map.Render(
            "kaart-ses",
            string.Format(culture, t("Map.Ses"), c.SesYear),
            new ChoroplethLayer(pc4Features, pc => ses.GetValueOrDefault(pc)),
            sesScale,
            gemeenteFeatures,
            v => v.ToString("0.00", culture),
            text);

        var published = c.Rows.Where(static r => r.Level == ComparisonLevel.Gemeente && r.Published).ToDictionary(static r => r.Area, static r => r.Indicator.GgzPerPersonYear, StringComparer.Ordinal);
        ColourScale spendingScale = ColourScale.Quantiles(
            monitorYear.Ggz.Gemeenten.Where(g => control.CanPublish((long)Math.Round(g.Amounts.Insured))).Select(static g => g.GgzPerPersonYear),
            ColourScale.Sequential,
            "0");
        string spendingMap = map.Render(
            "kaart-uitgaven",
            string.Format(culture, t("Map.Spending"), year),
            new ChoroplethLayer(gemeenteFeatures, name => Monitor(name) is { } g && published.TryGetValue(g, out double v) ? v : null),
            spendingScale,
            null,
            v => "€ " + v.ToString("N0", culture),
            text);

        // Funnel: every gemeente that may be published; the region's own and the region as a whole drawn larger.
        StandardisedExpenditureResult std = monitorYear.Standardised;
        var insured = monitorYear.Ggz.Gemeenten.ToDictionary(static g => g.Area, static g => (long)Math.Round(g.Amounts.Insured), StringComparer.Ordinal);
        var points = std.Areas
            .Where(a => control.CanPublish(insured.GetValueOrDefault(a.Gemeente)))
            .Select(a => new ChartPoint(a.PersonYears, a.StandardisedMean, FunnelLabel(a, culture), Charts.FunnelColour(a.Position), regionSet.Contains(a.Gemeente)))
            .ToList();
        if (c.Region.Published && c.Region.Standardised is { } r)
        {
            points.Add(new ChartPoint(r.PersonYears, r.StandardisedMean, FunnelLabel(r, culture), "#54278f", Highlight: true));
        }

        string funnel = Charts.Funnel(
            "funnel-ggz",
            string.Format(culture, t("Funnel.Title"), year),
            points,
            std.NationalMean,
            std.Limits,
            t("Funnel.X"),
            t("Funnel.Y"),
            t("Funnel.Legend"));
        return new MonitorPageData(
            c,
            gemeenten,
            tables,
            sesMap,
            spendingMap,
            funnel,
            std.Areas.Count(static a => a.Position is FunnelPosition.Above998),
            std.Areas.Count(static a => a.Position is FunnelPosition.Below998),
            points.Count);
    }

    /// <summary>The resource key of a funnel position.</summary>
    public static string PositionKey(FunnelPosition position) => "Funnel." + position;

    private static string FunnelLabel(StandardisedArea a, CultureInfo culture) =>
        string.Create(culture, $"{a.Gemeente}: € {a.StandardisedMean:N0} ({a.PersonYears:N0})");

    private static MonitorTable SpendingTable(RegionComparison c)
    {
        bool legacy = c.Scheme == GgzScheme.BasicSpecialist;
        string[] columns = legacy
            ? ["Col.Area", "Col.Insured", "Col.PerPersonYear", "Col.Basic", "Col.Specialist", "Col.LongTerm"]
            : ["Col.Area", "Col.Insured", "Col.PerPersonYear", "Col.Consultations", "Col.Intramural", "Col.Other"];
        return new MonitorTable(Spending, columns, [.. c.Rows.Select(row =>
        {
            GgzIndicator g = row.Indicator;
            MonitorCell[] cells = !row.Published
                ? [.. Enumerable.Repeat(MonitorCell.Hidden(CellKind.Count), 1), .. Enumerable.Repeat(MonitorCell.Hidden(CellKind.Euro), columns.Length - 2)]
                : legacy
                    ? [new(row.Insured, CellKind.Count), MonitorCell.Of(g.GgzPerPersonYear, CellKind.Euro), MonitorCell.Of(g.FractionBasic, CellKind.Percent), MonitorCell.Of(g.FractionSpecialist, CellKind.Percent), MonitorCell.Of(g.FractionLongTerm, CellKind.Percent)]
                    : [new(row.Insured, CellKind.Count), MonitorCell.Of(g.GgzPerPersonYear, CellKind.Euro), MonitorCell.Of(g.FractionConsultations, CellKind.Percent), MonitorCell.Of(g.FractionIntramural, CellKind.Percent), MonitorCell.Of(g.FractionOtherServices, CellKind.Percent)];
            return new MonitorRow(row.Area, row.Level, cells);
        })]);
    }

    private static MonitorTable StandardisationTable(RegionComparison c, Func<string, string> t)
    {
        string[] columns = ["Col.Area", "Col.Index", "Col.IndexLower", "Col.IndexUpper", "Col.Standardised", "Col.Funnel"];
        return new MonitorTable(Standardisation, columns, [.. c.Rows.Select(row =>
        {
            MonitorCell[] cells = !row.Published
                ? [.. Enumerable.Range(0, columns.Length - 1).Select(static _ => MonitorCell.Hidden(CellKind.Ratio))]
                : row.Level == ComparisonLevel.Nation
                    ? [new(1, CellKind.Ratio), new(null, CellKind.Ratio), new(null, CellKind.Ratio), new(null, CellKind.Euro), new(null, CellKind.Text, Text: t("Funnel.Benchmark"))]
                    : row.Standardised is not { } s || row.IndexInterval is not { } ci
                        ? [.. Enumerable.Range(0, columns.Length - 1).Select(static _ => new MonitorCell(null, CellKind.Ratio))]
                        : [MonitorCell.Of(s.Index, CellKind.Ratio), MonitorCell.Of(ci.Lower, CellKind.Ratio), MonitorCell.Of(ci.Upper, CellKind.Ratio), MonitorCell.Of(s.StandardisedMean, CellKind.Euro), new(null, CellKind.Text, Text: t(PositionKey(s.Position)))];
            return new MonitorRow(row.Area, row.Level, cells);
        })]);
    }

    private static MonitorTable DeprivationTable(RegionComparison c)
    {
        string[] columns = ["Col.Area", "Col.Ses", "Col.Observed", "Col.Expected", "Col.ObservedExpected"];
        return new MonitorTable(Deprivation, columns, [.. c.Rows.Select(row =>
        {
            MonitorCell[] cells = !row.Published
                ? [.. Enumerable.Range(0, columns.Length - 1).Select(static _ => MonitorCell.Hidden(CellKind.Ratio))]
                : row.Deprivation is { } d
                    ? [MonitorCell.Of(d.SesScore, CellKind.Score), MonitorCell.Of(d.Observed, CellKind.Euro), MonitorCell.Of(d.Expected, CellKind.Euro), MonitorCell.Of(d.Ratio, CellKind.Ratio)]
                    : [new(null, CellKind.Score), MonitorCell.Of(row.Indicator.GgzPerPersonYear, CellKind.Euro), new(null, CellKind.Euro), new(null, CellKind.Ratio)];
            return new MonitorRow(row.Area, row.Level, cells);
        })]);
    }

    private static MonitorTable Pc4Table(Gem.Monitor.MonitorInputs inputs, int sesYear, IReadOnlyDictionary<string, string> placeByPc4, DisclosureControl control)
    {
        string[] columns = ["Col.Pc4", "Col.Place", "Col.Gemeente", "Col.Inhabitants", "Col.Households", "Col.Ses"];
        var ses = inputs.SesPc4.Where(r => r.Year == sesYear).ToDictionary(static r => r.Pc4, StringComparer.Ordinal);
        return new MonitorTable(Pc4, columns, [.. placeByPc4.Keys.Order(StringComparer.Ordinal).Select(pc4 =>
        {
            long inhabitants = (long)Math.Round(inputs.Crosswalk.PopulationByPc4.GetValueOrDefault(pc4));
            string gemeente = inputs.Crosswalk.GemeenteByPc4.GetValueOrDefault(pc4) ?? "–";
            var place = new MonitorCell(null, CellKind.Text, Text: placeByPc4[pc4]);
            var inGemeente = new MonitorCell(null, CellKind.Text, Text: gemeente);
            if (!control.CanPublish(inhabitants))
            {
                return new MonitorRow(pc4, null, [place, inGemeente, MonitorCell.Hidden(CellKind.Count), MonitorCell.Hidden(CellKind.Count), MonitorCell.Hidden(CellKind.Score)]);
            }

            var row = ses.GetValueOrDefault(pc4);
            long households = (long)Math.Round(row?.Households ?? 0);
            return new MonitorRow(pc4, null,
            [
                place,
                inGemeente,
                new(control.Round(inhabitants), CellKind.Count),
                control.CanPublish(households) ? new(control.Round(households), CellKind.Count) : MonitorCell.Hidden(CellKind.Count),
                control.CanPublish(households) && row?.Score is { } score ? new(score, CellKind.Score) : new(null, CellKind.Score),
            ]);
        })]);
    }
}
