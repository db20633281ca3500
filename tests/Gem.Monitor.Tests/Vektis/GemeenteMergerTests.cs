using System.Reflection;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Geo;
using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Vektis;

/// <summary>The merger table against the CBS gemeente lists shipped in datasets/cbs-geo and against every Vektis year (issue 18, item 3).</summary>
public sealed class GemeenteMergerTests
{
    private static readonly GemeenteNames Names = GemeenteNames.Default;

    private static IReadOnlyList<(string Name, string Target, string Kind, int Year)> Aliases()
    {
        using Stream s = typeof(GemeenteNames).Assembly.GetManifestResourceStream("Gem.Monitor.gemeente-aliases.csv")!;
        using var r = new StreamReader(s);
        return [.. r.ReadToEnd().Split('\n').Skip(1).Where(static l => l.Trim().Length > 0).Select(static l => l.Split(';'))
            .Select(static f => (f[0], f[1], f[2], f[3].Length == 0 ? 0 : int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private static IReadOnlyList<string> GeoGemeenten() =>
        [.. GeoJson.Read(Path.Combine(RepoPaths.Datasets, "cbs-geo", "gemeenten_2022_simplified.geojson"), "gemeente").Select(static f => f.Name)];

    private static IReadOnlyList<string> CrosswalkGemeenten() =>
        [.. File.ReadLines(Path.Combine(RepoPaths.Datasets, "cbs-geo", "postcodes_pc2_pc3_pc4.csv")).Skip(1)
            .Select(static l => CsvLine.Split(l, ','))
            .Where(static f => f[1] == "PC4" && f[6].Length > 0)
            .Select(static f => f[6]).Distinct()];

    [Fact]
    public void CbsGeoLists_EveryGemeenteResolves_AndEveryMonitorGemeenteIsCovered()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in GeoGemeenten().Concat(CrosswalkGemeenten()))
        {
            GemeenteMatch m = Names.Resolve(name, "datasets/cbs-geo");
            if (m.Gemeente is not null)
            {
                reached.Add(m.Gemeente);
            }
        }

        Assert.All(Names.Gemeenten, g => Assert.Contains(g, reached));
    }

    [Fact]
    public void MergerTable_FormerGemeentenAreGoneFromTheCbsListOfTheirYear_AndTargetsAreCurrent()
    {
        // The GeoJSON is the CBS division of 1 January 2022: a gemeente merged before 2022 must not be in it, one merged in
        // 2022 or later must (that is the only way it can still appear), and every target is a monitor gemeente.
        var geo = GeoGemeenten().Select(GemeenteNames.Normalise).ToHashSet(StringComparer.Ordinal);
        var mergers = Aliases().Where(static a => a.Kind is "fusie" or "opgesplitst").ToList();
        Assert.All(mergers.Where(static a => a.Year < 2022), a => Assert.DoesNotContain(GemeenteNames.Normalise(a.Name), geo));
        Assert.All(mergers.Where(static a => a.Year >= 2022 && a.Name is not ("BEEMSTER" or "HEERHUGOWAARD" or "LANGEDIJK" or "BOXMEER" or "CUIJK" or "GRAVE" or "MILL EN SINT HUBERT" or "SINT ANTHONIS" or "UDEN" or "LANDERD")), a => Assert.Contains(GemeenteNames.Normalise(a.Name), geo));
        Assert.All(mergers.Where(static a => a.Kind == "fusie"), a => Assert.Contains(a.Target, Names.Gemeenten));
        Assert.All(Names.Gemeenten, g => Assert.DoesNotContain(mergers, a => GemeenteNames.Normalise(a.Name) == GemeenteNames.Normalise(g)));

        // Every merger since 2014, one row per former gemeente (the list in docs/decisions/101-gemeente-names.md).
        Assert.Equal(
            [2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023],
            mergers.Select(static a => a.Year).Distinct().Order());
        Assert.Equal(GemeenteAliasKind.Merger, Names.TryResolve("WEESP")!.Kind);
        Assert.Equal("Amsterdam", Names.TryResolve("Weesp")!.Gemeente);
    }

    [Fact]
    public void EveryVektisYear_HasEveryMonitorGemeente_SoYearsCompareLikeWithLike()
    {
        foreach (VektisFile file in VektisReader.ReadFolder(RepoPaths.Vektis))
        {
            GgzYear year = GgzExpenditure.Compute(file, Names);
            Assert.Equal(Names.Gemeenten, year.Gemeenten.Select(static g => g.Area));
        }
    }

    [Fact]
    public void Amsterdam_IncludesWeespInEveryYear_SoAmsterdam2019_2020And2022CompareLikeWithLike()
    {
        // Vektis 2019 still has WEESP rows; the 2020 and 2022 files already count Weesp in AMSTERDAM (888,868 insured in 2020).
        VektisFile y2019 = VektisReader.ReadFile(Path.Combine(RepoPaths.Vektis, "vektis_2019_gemeente.csv"), 2019);
        double weesp = y2019.Rows.Where(static r => r.Gemeente == "WEESP").Sum(static r => r.Insured);
        double amsterdamAlone = y2019.Rows.Where(static r => r.Gemeente == "AMSTERDAM").Sum(static r => r.Insured);
        Assert.True(weesp > 15000, $"Weesp 2019: {weesp}");
        var amsterdam = new[] { 2019, 2020, 2022 }.ToDictionary(
            static y => y,
            static y => GgzExpenditure.Compute(VektisReader.ReadFile(Path.Combine(RepoPaths.Vektis, $"vektis_{y}_gemeente.csv"), y), Names).Gemeenten.Single(static g => g.Area == "Amsterdam"));

        Assert.Equal(amsterdamAlone + weesp, amsterdam[2019].Amounts.Insured);
        // Like with like: from year to year Amsterdam grows by about 1%, not by Weesp's 2.4%.
        Assert.InRange((amsterdam[2020].Amounts.Insured / amsterdam[2019].Amounts.Insured) - 1, -0.01, 0.02);
        Assert.InRange((amsterdam[2022].Amounts.Insured / amsterdam[2020].Amounts.Insured) - 1, -0.01, 0.03);
        Assert.Equal(0, MissingSes("Weesp"));
    }

    /// <summary>SES-WOA per gemeente: Weesp's PC4 areas count for Amsterdam, so no gemeente has deprivation data but no Vektis rows.</summary>
    private static int MissingSes(string former)
    {
        MonitorData data = MonitorData.Locate(RepoPaths.Datasets);
        Pc4Crosswalk crosswalk = Pc4Crosswalk.Load(data.Postcodes, Names);
        IReadOnlyList<SesPc4> ses = SesWoa.Read(data.Ses);
        IReadOnlyList<SesGemeente> byGemeente = SesWoa.ByGemeente(ses, ses.Max(static s => s.Year), crosswalk);
        Assert.Contains(byGemeente, static g => g.Gemeente == "Amsterdam");
        return byGemeente.Count(g => g.Gemeente == former);
    }
}
