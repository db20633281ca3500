using System.Globalization;
using System.Text;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Geo;
using Gem.Monitor.Indicators;
using Gem.Monitor.Microdata;
using Gem.Monitor.Report;
using Gem.Monitor.Vektis;

namespace Gem.Monitor;

/// <summary>The steps of a monitor run, for progress display.</summary>
public enum MonitorStep
{
    ReadVektis,
    Indicators,
    Deprivation,
    Maps,
    Write,
}

/// <summary>Progress of one step, 0–100.</summary>
public sealed record MonitorProgress(MonitorStep Step, double Percent, string Detail);

/// <summary>Everything a run computed, and the files it wrote.</summary>
public sealed record MonitorResult(
    IReadOnlyList<GgzYear> Years,
    StandardisedExpenditureResult Standardised,
    DeprivationResult Deprivation,
    IReadOnlyList<SesPc4> SesPc4,
    MicrodataResult? Microdata,
    IReadOnlyList<string> Files,
    IReadOnlyList<SourceBreak> Breaks);

/// <summary>
/// The population monitor on public data: Vektis GGZ indicators per gemeente and year, age–sex standardisation with a
/// funnel, the deprivation regression, maps, CSV and a self-contained HTML report. Disclosure control on every output.
/// </summary>
public static class MonitorRun
{
    /// <param name="microdata">Optional microdata file or glob (docs/monitor/microdata.md): adds the six Fig. 4 indicators per PC4.</param>
    public static MonitorResult Run(string dataFolder, string outFolder, IProgress<MonitorProgress>? progress = null, string? microdata = null, CancellationToken cancellationToken = default)
    {
        MonitorData data = MonitorData.Locate(dataFolder);
        Directory.CreateDirectory(outFolder);
        GemeenteNames names = GemeenteNames.Default;
        var control = new DisclosureControl();

        // 1–2. Vektis and indicators
        IReadOnlyList<GgzYear> years = MonitorInputs.ReadYears(data, names, progress, cancellationToken);
        GgzYear latest = years[^1];
        IReadOnlyList<SourceBreak> breaks = SourceBreaks.Find(years);

        // 3. Deprivation
        cancellationToken.ThrowIfCancellationRequested();
        Pc4Crosswalk crosswalk = Pc4Crosswalk.Load(data.Postcodes, names);
        IReadOnlyList<SesPc4> sesPc4 = SesWoa.Read(data.Ses);
        MonitorYear computed = MonitorYear.Compute(latest, sesPc4, crosswalk);
        (StandardisedExpenditureResult standardised, int sesYear, DeprivationResult deprivation) = (computed.Standardised, computed.SesYear, computed.Deprivation);
        progress?.Report(new MonitorProgress(MonitorStep.Deprivation, microdata is null ? 100 : 50, $"SES-WOA {sesYear}"));
        MicrodataResult? micro = null;
        bool synthetic = false;
        if (microdata is not null)
        {
            micro = MicrodataIndicators.Compute(MicrodataIndicators.Aggregate(microdata), control);
            synthetic = Path.GetFileName(microdata).StartsWith(SyntheticMicrodata.FilePrefix, StringComparison.Ordinal);
            progress?.Report(new MonitorProgress(MonitorStep.Deprivation, 100, "microdata"));
        }

        // 4. Maps
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<GeoFeature> gemeenten = GeoJson.Read(data.GemeentenGeoJson, "gemeente");
        progress?.Report(new MonitorProgress(MonitorStep.Maps, 40, "gemeenten"));
        IReadOnlyList<GeoFeature> pc4 = GeoJson.Read(data.Pc4GeoJson, "postcode");
        progress?.Report(new MonitorProgress(MonitorStep.Maps, 100, "PC4"));

        // 5. Write
        var written = new List<string>();
        string indicatorsCsv = Path.Combine(outFolder, "indicatoren_gemeente.csv");
        File.WriteAllText(indicatorsCsv, IndicatorCsv.Gemeenten(years, standardised, deprivation, control), new UTF8Encoding(false));
        written.Add(indicatorsCsv);
        string nationalCsv = Path.Combine(outFolder, "indicatoren_nederland.csv");
        File.WriteAllText(nationalCsv, IndicatorCsv.National(years, control), new UTF8Encoding(false));
        written.Add(nationalCsv);
        string regressionCsv = Path.Combine(outFolder, "deprivatie_regressie.csv");
        File.WriteAllText(regressionCsv, IndicatorCsv.Regression(deprivation, sesYear), new UTF8Encoding(false));
        written.Add(regressionCsv);
        if (micro is not null)
        {
            string pc4Csv = Path.Combine(outFolder, "indicatoren_pc4.csv");
            File.WriteAllText(pc4Csv, MicrodataIndicators.ToCsv(micro, synthetic), new UTF8Encoding(false));
            written.Add(pc4Csv);
        }

        progress?.Report(new MonitorProgress(MonitorStep.Write, 30, "CSV"));

        string html = HtmlReport.Render(new HtmlReportInput(years, standardised, deprivation, sesYear, sesPc4, crosswalk, gemeenten, pc4, names, control, micro, synthetic, breaks));
        string htmlPath = Path.Combine(outFolder, "rapport.html");
        File.WriteAllText(htmlPath, html, new UTF8Encoding(false));
        written.Add(htmlPath);
        progress?.Report(new MonitorProgress(MonitorStep.Write, 100, "rapport.html"));
        return new MonitorResult(years, standardised, deprivation, sesPc4, micro, written, breaks);
    }
}
