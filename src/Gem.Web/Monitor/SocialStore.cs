using System.Diagnostics;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Social;

namespace Gem.Web.Monitor;

/// <summary>The social monitor's tables read once (or why they could not be read).</summary>
public sealed record SocialLoad(SocialData? Data, string? Problem, TimeSpan Duration);

/// <summary>
/// Reads the CBS/RIVM tables of the social monitor (issue 19) from the monitor's data folder on first use and keeps them for the
/// life of the host (singleton, lazy, thread-safe), next to <see cref="MonitorStore"/> which holds Vektis and SES-WOA.
/// </summary>
public sealed class SocialStore
{
    private readonly Lazy<SocialLoad> _load;

    public SocialStore(MonitorStore monitor, ILogger<SocialStore> logger)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        _load = new Lazy<SocialLoad>(() => Load(monitor.Get().Folder, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SocialLoad Get() => _load.Value;

    /// <summary>Whether the tables have been read (or found unreadable) already, so <see cref="Get"/> will not wait.</summary>
    public bool IsLoaded => _load.IsValueCreated;

    private static SocialLoad Load(string folder, ILogger logger)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            SocialData data = SocialData.Load(folder, GemeenteNames.Default);
            logger.LogInformation("Social monitor data read from {Folder} in {Milliseconds} ms", folder, clock.ElapsedMilliseconds);
            return new SocialLoad(data, null, clock.Elapsed);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or SocialFormatException or UnknownGemeenteException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Social monitor data could not be read from {Folder}", folder);
            return new SocialLoad(null, e.Message, clock.Elapsed);
        }
    }
}
