namespace Gem.Monitor.Tests.Report;

/// <summary>The report tests share one monitor run.</summary>
[CollectionDefinition(Name)]
public sealed class MonitorReportCollection : ICollectionFixture<MonitorReportFixture>
{
    public const string Name = "monitor report";
}

/// <summary>Runs the monitor once on the shipped datasets into a temporary folder, shared by the report tests.</summary>
public sealed class MonitorReportFixture : IDisposable
{
    public MonitorReportFixture()
    {
        OutFolder = Path.Combine(Path.GetTempPath(), "gem-monitor-report-" + Guid.NewGuid().ToString("N"));
        Result = MonitorRun.Run(RepoPaths.Datasets, OutFolder);
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
