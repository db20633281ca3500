namespace Gem.Monitor.Tests.Report;

/// <summary>The report tests share one monitor run.</summary>
[CollectionDefinition(Name)]
public sealed class MonitorReportCollection : ICollectionFixture<MonitorReportFixture>
{
    public const string Name = "monitor report";
}

/// <summary>Runs the monitor once on the shipped datasets (plus 1% synthetic microdata) into a temporary folder, shared by the report tests.</summary>
public sealed class MonitorReportFixture : IDisposable
{
    public MonitorReportFixture()
    {
        OutFolder = Path.Combine(Path.GetTempPath(), "gem-monitor-report-" + Guid.NewGuid().ToString("N"));
        string micro = Path.Combine(OutFolder, "microdata");
        Gem.Monitor.Microdata.SyntheticMicrodata.Generate(RepoPaths.Datasets, micro, new Gem.Monitor.Microdata.SyntheticOptions([2022], Scale: Scale));
        MicrodataGlob = Path.Combine(micro, "synthetisch_microdata_*.csv");
        Result = MonitorRun.Run(RepoPaths.Datasets, OutFolder, microdata: MicrodataGlob);
    }

    /// <summary>Scale of the synthetic population: 1% by default; GEM_SYNTHETIC_SCALE=0.1 (or 1) for the full attacker run.</summary>
    public static double Scale { get; } = double.TryParse(Environment.GetEnvironmentVariable("GEM_SYNTHETIC_SCALE"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double s) ? s : 0.01;

    public string MicrodataGlob { get; }

    /// <summary>
    /// The HTML the pages publish from the same microdata: /monitor draws the Fig. 4 maps of a region's PC4 areas from the
    /// protected records with <see cref="Gem.Monitor.Microdata.Fig4Indicator.Format"/>, in Dutch and English. Rendered here for
    /// every PC4 of the country (any region's page is a part of it).
    /// </summary>
    public IEnumerable<string> PublishedPages()
    {
        var data = MonitorData.Locate(RepoPaths.Datasets);
        var pc4 = Gem.Monitor.Geo.GeoJson.Read(data.Pc4GeoJson, "postcode");
        var micro = Result.Microdata!;
        int year = micro.Pc4.Max(static p => p.Year);
        var rows = micro.Pc4.Where(p => p.Year == year).ToDictionary(static p => p.Pc4, StringComparer.Ordinal);
        var map = new Gem.Monitor.Geo.SvgMap();
        foreach (string culture in new[] { "nl-NL" }) // the English page prints the same values with the same number of digits
        {
            var c = System.Globalization.CultureInfo.GetCultureInfo(culture);
            var sb = new System.Text.StringBuilder();
            foreach (var ind in Gem.Monitor.Microdata.Fig4.Indicators)
            {
                var scale = Gem.Monitor.Geo.ColourScale.Quantiles(rows.Values.Select(ind.Value).Where(static v => v is not null).Select(static v => v!.Value), Gem.Monitor.Geo.ColourScale.Sequential, "0");
                sb.Append(map.Render(ind.Id, ind.Dutch, new Gem.Monitor.Geo.ChoroplethLayer(pc4, p => rows.TryGetValue(p, out var r) ? ind.Value(r) : null), scale, null, v => ind.Format(v, c)));
            }

            yield return sb.ToString();
        }
    }

    public string OutFolder { get; }

    public MonitorResult Result { get; }

    public string ReportPath => Path.Combine(OutFolder, "rapport.html");

    public void Dispose()
    {
        if (Directory.Exists(OutFolder))
        {
            Directory.Delete(OutFolder, recursive: true);
        }
    }
}
