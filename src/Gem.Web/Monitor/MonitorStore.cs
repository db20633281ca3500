using System.Diagnostics;
using Gem.Monitor;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;
using Microsoft.Extensions.Options;

namespace Gem.Web.Monitor;

/// <summary>Where the monitor's public data lives (<c>Gem:Monitor</c>).</summary>
public sealed class MonitorOptions
{
    public const string Section = "Gem:Monitor";

    /// <summary>
    /// The data folder (layout: see <see cref="MonitorData.Locate"/>); relative paths start at the content root. Empty:
    /// the first <c>datasets/</c> folder at or above the content root (the repository's shipped data).
    /// </summary>
    public string? Data { get; set; }
}

/// <summary>The monitor's data read once: every Vektis year with its standardisation and regression, or why it could not be read.</summary>
/// <param name="Problem">Why there is nothing to show (missing folder or file, unreadable data); null when <see cref="Inputs"/> is set.</param>
public sealed record MonitorLoad(string Folder, MonitorInputs? Inputs, IReadOnlyDictionary<int, MonitorYear> Years, string? Problem, TimeSpan Duration)
{
    public IReadOnlyList<int> YearList { get; } = [.. Years.Keys.Order()];
}

/// <summary>
/// Reads and computes the national monitor data on first use and keeps it for the life of the host (singleton, lazy,
/// thread-safe: concurrent first requests wait for one load). The data are static public files; restart to reread.
/// </summary>
public sealed class MonitorStore
{
    private readonly Lazy<MonitorLoad> _load;

    public MonitorStore(IOptions<MonitorOptions> options, IHostEnvironment environment, ILogger<MonitorStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        string folder = ResolveFolder(options.Value.Data, environment.ContentRootPath);
        _load = new Lazy<MonitorLoad>(() => Load(folder, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public MonitorLoad Get() => _load.Value;

    /// <summary>The configured folder (relative to the content root), or the nearest <c>datasets/</c> at or above the content root.</summary>
    public static string ResolveFolder(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, contentRoot);
        }

        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(contentRoot, "datasets");
    }

    private static MonitorLoad Load(string folder, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            MonitorInputs inputs = MonitorInputs.Load(folder);
            var years = inputs.Years.ToDictionary(static y => y.Year, inputs.Year);
            logger.LogInformation("Monitor data read from {Folder} in {Milliseconds} ms", folder, clock.ElapsedMilliseconds);
            return new MonitorLoad(folder, inputs, years, null, clock.Elapsed);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or VektisFormatException or UnknownGemeenteException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Monitor data could not be read from {Folder}", folder);
            return new MonitorLoad(folder, null, new Dictionary<int, MonitorYear>(), e.Message, clock.Elapsed);
        }
    }
}
