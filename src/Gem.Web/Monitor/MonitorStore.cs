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

    /// <summary>Folder with the region's person-level microdata (CSV or Parquet, docs/monitor/microdata.md). Empty: synthetic demo data.</summary>
    public string? Microdata { get; set; }

    /// <summary>Scale of the synthetic demo population (share of the real population per PC4 × age × sex).</summary>
    [System.ComponentModel.DataAnnotations.Range(0.001, 1)]
    public double SyntheticScale { get; set; } = 0.05;

    /// <summary>
    /// Folder where the computed figures are kept per data version (<see cref="MonitorCache"/>); relative paths start at
    /// the content root. Empty: <c>data/cache</c> under the content root.
    /// </summary>
    public string? Cache { get; set; }

    /// <summary>Start reading (or loading from the cache) when the host starts, so the first request finds the figures ready.</summary>
    public bool WarmAtStart { get; set; } = true;
}

/// <summary>The monitor's data read once: every Vektis year with its standardisation and regression, or why it could not be read.</summary>
/// <param name="Problem">Why there is nothing to show (missing folder or file, unreadable data); null when <see cref="Inputs"/> is set.</param>
/// <param name="Version">The data version (<see cref="MonitorCache.VersionOf"/>) the figures belong to.</param>
/// <param name="FromCache">Read from the kept file of this version rather than computed from the data.</param>
public sealed record MonitorLoad(string Folder, MonitorInputs? Inputs, IReadOnlyDictionary<int, MonitorYear> Years, string? Problem, TimeSpan Duration,
    string? Version = null, bool FromCache = false)
{
    public IReadOnlyList<int> YearList { get; } = [.. Years.Keys.Order()];
}

/// <summary>
/// Reads and computes the national monitor data on first use and keeps it for the life of the host (singleton, lazy,
/// thread-safe: concurrent first requests wait for one load). The data are static public files; restart to reread.
/// The computed figures are kept per data version in <see cref="MonitorOptions.Cache"/> (<see cref="MonitorCache"/>), so a
/// restarted host loads them instead of computing them again (issue 17).
/// </summary>
public sealed class MonitorStore
{
    private readonly Lazy<MonitorLoad> _load;
    private readonly Lazy<Task<MonitorMicrodataLoad>> _microdata;

    public MonitorStore(IOptions<MonitorOptions> options, IHostEnvironment environment, ILogger<MonitorStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        string folder = ResolveFolder(options.Value.Data, environment.ContentRootPath);
        string cache = CacheFolder(options.Value, environment.ContentRootPath);
        _load = new Lazy<MonitorLoad>(() => Load(folder, cache, logger), LazyThreadSafetyMode.ExecutionAndPublication);
        _microdata = new Lazy<Task<MonitorMicrodataLoad>>(
            () => Task.Run(() => MonitorMicrodata.Load(options.Value, environment.ContentRootPath, folder, Get().YearList is [.., int last] ? last : 2022, logger)),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public MonitorLoad Get() => _load.Value;

    /// <summary>Where the computed figures are kept: <see cref="MonitorOptions.Cache"/>, or <c>data/cache</c> under the content root.</summary>
    public static string CacheFolder(MonitorOptions options, string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(options?.Cache) ? Path.Combine("data", "cache") : options.Cache, contentRoot);

    /// <summary>
    /// The PC4 microdata (the region's own, or the synthetic demo). The first call starts reading (and for the demo,
    /// generating) in the background; until that is done this returns null and the page says the maps are being prepared.
    /// </summary>
    public MonitorMicrodataLoad? Microdata()
    {
        Task<MonitorMicrodataLoad> task = _microdata.Value;
        return task.IsCompletedSuccessfully ? task.Result : null;
    }

    /// <summary>Waits for the microdata (CLI-like callers and tests).</summary>
    public Task<MonitorMicrodataLoad> MicrodataAsync() => _microdata.Value;

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

    private static MonitorLoad Load(string folder, string cache, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            string version = MonitorCache.VersionOf(folder);
            if (MonitorCache.TryRead(cache, version) is { } kept)
            {
                logger.LogInformation("Monitor figures of data version {Version} loaded from {Cache} in {Milliseconds} ms", version, cache, clock.ElapsedMilliseconds);
                return new MonitorLoad(folder, kept.Inputs, kept.Years.ToDictionary(static y => y.Year), null, clock.Elapsed, version, FromCache: true);
            }

            MonitorInputs inputs = MonitorInputs.Load(folder);
            var years = inputs.Years.Select(inputs.Year).ToList();
            logger.LogInformation("Monitor data read from {Folder} in {Milliseconds} ms", folder, clock.ElapsedMilliseconds);
            try
            {
                MonitorCache.Write(cache, version, new MonitorComputed(inputs, years));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                logger.LogWarning(e, "Monitor figures could not be kept in {Cache}; the next start computes them again", cache);
            }

            return new MonitorLoad(folder, inputs, years.ToDictionary(static y => y.Year), null, clock.Elapsed, version);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or VektisFormatException or UnknownGemeenteException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Monitor data could not be read from {Folder}", folder);
            return new MonitorLoad(folder, null, new Dictionary<int, MonitorYear>(), e.Message, clock.Elapsed);
        }
    }
}
