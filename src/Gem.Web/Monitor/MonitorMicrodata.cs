using System.Diagnostics;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Microdata;

namespace Gem.Web.Monitor;

/// <summary>The person-level data behind the PC4 maps of /monitor, after disclosure control; or why there are none.</summary>
/// <param name="Synthetic">Generated demo data (no real persons): the page says so on every map.</param>
public sealed record MonitorMicrodataLoad(MicrodataResult? Result, bool Synthetic, string Source, string? Problem, TimeSpan Duration);

/// <summary>
/// Reads a region's microdata (docs/monitor/microdata.md) for the pages: every <c>.csv</c> or <c>.parquet</c> in the folder
/// <c>Gem:Monitor:Microdata</c> (a region copies its files there, checked first with <c>gem monitor --microdata</c>). Without
/// that folder the demo uses the national SYNTHETIC microdata (<see cref="SyntheticMicrodata"/>, scale
/// <c>Gem:Monitor:SyntheticScale</c>), generated once into <c>data/monitor-synthetisch/</c> under the content root.
/// </summary>
internal static class MonitorMicrodata
{
    public static MonitorMicrodataLoad Load(MonitorOptions options, string contentRoot, string dataFolder, int year, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        string source = string.Empty;
        try
        {
            bool synthetic = string.IsNullOrWhiteSpace(options.Microdata);
            string folder = synthetic ? Path.Combine(contentRoot, "data", "monitor-synthetisch") : Path.GetFullPath(options.Microdata!, contentRoot);
            if (synthetic)
            {
                EnsureSynthetic(folder, dataFolder, year, options.SyntheticScale);
            }

            bool parquet = Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.parquet").Any();
            source = Path.Combine(folder, parquet ? "*.parquet" : "*.csv");
            if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, parquet ? "*.parquet" : "*.csv").Any())
            {
                return new(null, false, source, $"No microdata files (CSV or Parquet) in '{folder}'.", clock.Elapsed);
            }

            MicrodataResult result = MicrodataIndicators.Compute(MicrodataIndicators.Aggregate(source), new DisclosureControl());
            logger.LogInformation("Monitor microdata read from {Source} in {Milliseconds} ms", source, clock.ElapsedMilliseconds);
            return new(result, synthetic, source, null, clock.Elapsed);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or DuckDB.NET.Data.DuckDBException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Monitor microdata could not be read from {Source}", source);
            return new(null, false, source, e.Message, clock.Elapsed);
        }
    }

    /// <summary>Generates the synthetic demo once (into a temporary folder, then moved, so parallel hosts never read half a file).</summary>
    private static void EnsureSynthetic(string folder, string dataFolder, int year, double scale)
    {
        if (File.Exists(Path.Combine(folder, SyntheticMicrodata.FilePrefix + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".csv")))
        {
            return;
        }

        string temp = folder + "." + Guid.NewGuid().ToString("N");
        SyntheticMicrodata.Generate(dataFolder, temp, new SyntheticOptions([year], scale));
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.Move(temp, folder);
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            Directory.Delete(temp, recursive: true); // another host was first
        }
    }
}
