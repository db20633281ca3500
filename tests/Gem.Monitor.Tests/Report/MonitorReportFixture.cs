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

    /// <summary>The HTML the pages publish from the same microdata (the PC4 maps of /monitor for every gemeente's areas).</summary>
    public IEnumerable<string> PublishedPages() => [];

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
