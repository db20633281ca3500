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
        Gem.Monitor.Microdata.SyntheticMicrodata.Generate(RepoPaths.Datasets, micro, new Gem.Monitor.Microdata.SyntheticOptions([2022], Scale: 0.01));
        Result = MonitorRun.Run(RepoPaths.Datasets, OutFolder, microdata: Path.Combine(micro, "synthetisch_microdata_*.csv"));
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
