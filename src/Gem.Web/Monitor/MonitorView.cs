using System.Globalization;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Geo;
using Gem.Monitor.Indicators;
using Gem.Monitor.Microdata;
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
    int FunnelCount,
    MonitorExtras Extras)
{
    public MonitorTable Table(string key) => Tables.First(t => t.Key == key);
}

/// <summary>What issue 18 added to the page: source breaks, institution context, funnel counts without adjustment, the PC4 Fig. 4 maps.</summary>
/// <param name="Breaks">Breaks in the national source data that touch the shown year.</param>
/// <param name="Institutions">The region's gemeenten whose spending an institution drives.</param>
/// <param name="FunnelPlain">Gemeenten outside the 99.8% limits without the over-dispersion adjustment.</param>
/// <param name="Fig4Maps">The six Fig. 4 maps per PC4 (id, title, SVG); empty without microdata.</param>
/// <param name="Fig4Year">The microdata year shown; null without microdata.</param>
/// <param name="Fig4Synthetic">The microdata are the synthetic demo.</param>
public sealed record MonitorExtras(
    IReadOnlyList<SourceBreak> Breaks,
    IReadOnlyDictionary<string, InstitutionMark> Institutions,
    int FunnelPlain,
    IReadOnlyList<(string Id, string Title, string Svg)> Fig4Maps,
    int? Fig4Year,
    bool Fig4Synthetic,
    string? Fig4Problem);

/// <summary>
/// Turns Gem.Monitor's results for the region into what the page and its CSV files show. Every figure comes from
/// <see cref="RegionComparison"/> (and so from Gem.Monitor's indicators, standardisation and regression); this class
/// only selects, labels and draws. Disclosure control as everywhere: nothing on fewer than 10 persons, counts rounded to 5.
/// </summary>
public static class MonitorView
{
    public const string Spending = "uitgaven", Standardisation = "standaardisatie", Deprivation = "ses", Pc4 = "pc4", Fig4Table = "fig4";

    public static IReadOnlyList<string> TableKeys { get; } = [Spending, Standardisation, Deprivation, Pc4, Fig4Table];

    /// <param name="placeByPc4">The region's PC4 areas and their place names.</param>
    /// <param name="t">Resource lookup for labels.</param>
    /// <param name="microdata">The PC4 microdata (region's own or synthetic demo); null when not asked for.</param>
    public static MonitorPageData Build(MonitorLoad load, int year, string regionName, IReadOnlyDictionary<string, string> placeByPc4, Func<string, string> t, CultureInfo culture, MonitorMicrodataLoad? microdata = null)
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
        var institutions = InstitutionContext.For(inputs.Years, year);
        var regionInstitutions = gemeenten.Where(institutions.ContainsKey).ToDictionary(g => g, g => institutions[g], StringComparer.Ordinal);
        tables[1] = WithContext(tables[1], regionInstitutions, t, culture);

        // Maps of the region: PC4 deprivation with gemeente borders over it, and spending per gemeente in national classes.
        string? Monitor(string cbsName) => inputs.Names.TryResolve(cbsName)?.Gemeente;
        var regionSet = gemeenten.ToHashSet(StringComparer.Ordinal);
        var pc4Features = inputs.Pc4.Where(f => placeByPc4.ContainsKey(f.Name)).ToList();
        var gemeenteFeatures = inputs.Gemeenten.Where(f => Monitor(f.Name) is { } g && regionSet.Contains(g)).ToList();
        var map = new SvgMap(bounds: GeoBounds.Around(pc4Features.Concat(gemeenteFeatures)));
        var text = new MapText(t("Map.NoData"), t("Map.NoDataLegend"), t("Map.Border"));
        var ses = tables[3].Rows.Where(r => r.Cells[^2].Value is not null).ToDictionary(static r => r.Label, static r => r.Cells[^2].Value, StringComparer.Ordinal);
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

        // The six Fig. 4 indicators per PC4 of the region, gemeente borders over them (as the article's Fig. 4).
        (IReadOnlyList<(string, string, string)> Maps, int? Year) fig4 = ([], null);
        if (microdata?.Result is { } micro && micro.Pc4.Count > 0)
        {
            int microYear = micro.Pc4.Max(static p => p.Year);
            var rows = micro.Pc4.Where(p => p.Year == microYear && placeByPc4.ContainsKey(p.Pc4)).ToDictionary(static p => p.Pc4, StringComparer.Ordinal);
            var national = micro.Pc4.Where(p => p.Year == microYear).ToList();
            var maps = new List<(string, string, string)>();
            foreach (Fig4Indicator ind in Fig4.Indicators)
            {
                // Classes from all PC4 areas of the country, so the region is seen against the nation.
                ColourScale scale = ColourScale.Quantiles(national.Select(ind.Value).Where(static v => v is not null).Select(static v => v!.Value), ColourScale.Sequential, "0");
                string title = string.Format(culture, t("Fig4." + ind.Id), microYear);
                maps.Add((ind.Id, title, map.Render(ind.Id, title, new ChoroplethLayer(pc4Features, pc => rows.TryGetValue(pc, out Pc4Indicators? p) ? ind.Value(p) : null), scale, gemeenteFeatures, v => ind.Format(v, culture), text)));
            }

            fig4 = (maps, microYear);
            tables.Add(Fig4PageTable(rows, placeByPc4));
        }
        else
        {
            tables.Add(new MonitorTable(Fig4Table, ["Col.Pc4", "Col.Place"], []));
        }

        // Funnel: every gemeente that may be published; the region's own and the region as a whole drawn larger.
        StandardisedExpenditureResult std = monitorYear.Standardised;
        var insured = monitorYear.Ggz.Gemeenten.ToDictionary(static g => g.Area, static g => (long)Math.Round(g.Amounts.Insured), StringComparer.Ordinal);
        var points = std.Areas
            .Where(a => control.CanPublish(insured.GetValueOrDefault(a.Gemeente)))
            .Select(a => new ChartPoint(a.PersonYears, a.StandardisedMean, FunnelLabel(a, culture), Charts.FunnelColour(a.Position), regionSet.Contains(a.Gemeente), regionSet.Contains(a.Gemeente) ? a.Gemeente : null))
            .ToList();
        int gemeentePoints = points.Count; // the caption counts gemeenten; the region's own point is not one of them
        var shownAreas = std.Areas.Where(a => control.CanPublish(insured.GetValueOrDefault(a.Gemeente))).ToList();
        var plainByArea = std.Areas.Select((a, i) => (a.Gemeente, Plain: std.PlainPositions[i])).ToDictionary(static x => x.Gemeente, static x => x.Plain, StringComparer.Ordinal);
        if (c.Region.Published && c.Region.Standardised is { } r)
        {
            points.Add(new ChartPoint(r.PersonYears, r.StandardisedMean, FunnelLabel(r, culture), RegionColour, Highlight: true, Tag: regionName));
        }

        string funnel = Charts.Funnel(
            "funnel-ggz",
            string.Format(culture, t("Funnel.Title"), year),
            points,
            std.NationalMean,
            std.Limits,
            t("Funnel.X"),
            t("Funnel.Y"),
            t("Funnel.Legend"),
            FunnelLegend(t, regionName));
        return new MonitorPageData(
            c,
            gemeenten,
            tables,
            sesMap,
            spendingMap,
            funnel,
            shownAreas.Count(static a => a.Position is FunnelPosition.Above998),
            shownAreas.Count(static a => a.Position is FunnelPosition.Below998),
            gemeentePoints,
            new MonitorExtras(
                [.. SourceBreaks.Find(inputs.Years).Where(b => b.Touches(year))],
                regionInstitutions,
                shownAreas.Count(a => plainByArea[a.Gemeente] is FunnelPosition.Above998 or FunnelPosition.Below998),
                fig4.Maps,
                fig4.Year,
                microdata?.Synthetic ?? false,
                microdata is null ? t("Fig4.Preparing") : microdata.Problem));
    }

    /// <summary>The colour of the region's own point in the funnel.</summary>
    public const string RegionColour = "#54278f";

    /// <summary>What the funnel's colours mean: the five positions, the region's gemeenten and the region.</summary>
    public static IReadOnlyList<LegendEntry> FunnelLegend(Func<string, string> t, string regionName)
    {
        ArgumentNullException.ThrowIfNull(t);
        return
        [
            .. new[] { FunnelPosition.Above998, FunnelPosition.Above95, FunnelPosition.Within95, FunnelPosition.Below95, FunnelPosition.Below998 }
                .Select(p => new LegendEntry(Charts.FunnelColour(p), t(PositionKey(p)))),
            new LegendEntry("#969696", t("Funnel.RegionGemeenten"), Outlined: true),
            new LegendEntry(RegionColour, string.Format(CultureInfo.CurrentCulture, t("Funnel.RegionPoint"), regionName), Outlined: true),
        ];
    }

    /// <summary>The resource key of a funnel position.</summary>
    public static string PositionKey(FunnelPosition position) => "Funnel." + position;

    private static string FunnelLabel(StandardisedArea a, CultureInfo culture) =>
        string.Create(culture, $"{a.Gemeente}: € {a.StandardisedMean:N0} ({a.PersonYears:N0})");

    /// <summary>The standardisation table with a last column that names the institution effect, where there is one.</summary>
    private static MonitorTable WithContext(MonitorTable table, IReadOnlyDictionary<string, InstitutionMark> institutions, Func<string, string> t, CultureInfo culture)
    {
        return table with
        {
            Columns = [.. table.Columns, "Col.Context"],
            Rows = [.. table.Rows.Select(r => r with
            {
                Cells = [.. r.Cells, new MonitorCell(null, CellKind.Text, Text: institutions.TryGetValue(r.Label, out InstitutionMark? m)
                    ? string.Format(culture, t(m.Column == VektisCost.IntramuraalVerblijfGgz ? "Context.Intramural" : "Context.LongTerm"), m.Share, m.Year, m.NationalShare)
                    : string.Empty)],
            })],
        };
    }

    /// <summary>The Fig. 4 values per PC4 as the maps show them (the protected records; "x" where suppressed).</summary>
    private static MonitorTable Fig4PageTable(IReadOnlyDictionary<string, Pc4Indicators> rows, IReadOnlyDictionary<string, string> placeByPc4)
    {
        string[] columns = ["Col.Pc4", "Col.Place", "Col.Inhabitants", "Col.Patients", .. Fig4.Indicators.Select(static i => "Col." + i.Id)];
        return new MonitorTable(Fig4Table, columns, [.. placeByPc4.Keys.Order(StringComparer.Ordinal).Select(pc4 =>
        {
            var place = new MonitorCell(null, CellKind.Text, Text: placeByPc4[pc4]);
            if (!rows.TryGetValue(pc4, out Pc4Indicators? p))
            {
                return new MonitorRow(pc4, null, [place, .. Enumerable.Range(0, columns.Length - 2).Select(static _ => new MonitorCell(null, CellKind.Count))]);
            }

            MonitorCell Value(double? v, CellKind kind) => v is { } d ? new MonitorCell(d, kind) : MonitorCell.Hidden(kind);
            return new MonitorRow(pc4, null,
            [
                place,
                Value(p.Inhabitants, CellKind.Count),
                Value(p.Patients, CellKind.Count),
                .. Fig4.Indicators.Select(i => Value(i.Value(p), i.Percent ? CellKind.Percent : CellKind.Euro)),
            ]);
        })]);
    }

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
        string[] columns = ["Col.Pc4", "Col.Place", "Col.Gemeente", "Col.Inhabitants", "Col.Households", "Col.Ses", "Col.Apcg"];
        var ses = inputs.SesPc4.Where(r => r.Year == sesYear).ToDictionary(static r => r.Pc4, StringComparer.Ordinal);
        return new MonitorTable(Pc4, columns, [.. placeByPc4.Keys.Order(StringComparer.Ordinal).Select(pc4 =>
        {
            long inhabitants = (long)Math.Round(inputs.Crosswalk.PopulationByPc4.GetValueOrDefault(pc4));
            string gemeente = inputs.Crosswalk.GemeenteByPc4.GetValueOrDefault(pc4) ?? "–";
            var place = new MonitorCell(null, CellKind.Text, Text: placeByPc4[pc4]);
            var inGemeente = new MonitorCell(null, CellKind.Text, Text: gemeente);
            // APCG (CBS: poverty and problems pile up here) adds to the SES score a flag a reader can act on.
            var apcg = new MonitorCell(null, CellKind.Text, Text: inputs.Apcg is null ? "–" : inputs.Apcg.Contains(pc4) ? "APCG" : string.Empty);
            if (!control.CanPublish(inhabitants))
            {
                return new MonitorRow(pc4, null, [place, inGemeente, MonitorCell.Hidden(CellKind.Count), MonitorCell.Hidden(CellKind.Count), MonitorCell.Hidden(CellKind.Score), apcg]);
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
                apcg,
            ]);
        })]);
    }
}
