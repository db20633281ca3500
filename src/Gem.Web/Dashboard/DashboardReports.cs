using Gem.Core.Dashboard;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Gem.Web.Dashboard;

/// <summary>
/// The dashboard's computed reports, kept per period for <see cref="CacheFor"/> in the host's memory cache, so the page
/// and its CSV downloads compute once; not while the demo history is still being simulated (the figures grow).
/// </summary>
public static class DashboardReports
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    /// <summary>The default period: the last 12 months up to today (Amsterdam), inclusive.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (today.AddYears(-1).AddDays(1), today);

    /// <summary>The report of the days <paramref name="from"/> to <paramref name="to"/> (inclusive, Amsterdam); up to now when <paramref name="to"/> is today.</summary>
    public static async Task<DashboardReport> GetAsync(IMemoryCache cache, DashboardService dashboard, DateOnly from, DateOnly to, DateTimeOffset now,
        bool historyRunning, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(dashboard);
        var start = StartOfDay(from);
        var end = to == LocalTime.Day(now) ? now : StartOfDay(to.AddDays(1));
        if (historyRunning) return await dashboard.ComputeAsync(start, end, ct);
        return (await cache.GetOrCreateAsync(("dashboard", (DateOnly?)from, (DateOnly?)to), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return dashboard.ComputeAsync(start, end, ct);
        }))!;
    }

    private static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, LocalTime.Zone.GetUtcOffset(local)).ToUniversalTime(); // PostgreSQL takes UTC only
    }
}

/// <summary>
/// Computes the default dashboard report when the host starts (<c>Gem:Dashboard:WarmAtStart</c>, default true), in the
/// background, so the coordinator's first <c>/dashboard</c> after a restart finds it in the cache (issue 17). Skipped
/// while the demo history is simulated and for a database without a region.
/// </summary>
internal sealed class DashboardWarmup(IServiceScopeFactory scopes, IMemoryCache cache, DemoHistoryStatus history, TimeProvider clock,
    IConfiguration configuration, IOptions<DatabaseOptions> database, ILogger<DashboardWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Gem:Dashboard:WarmAtStart", true)) return;
        // The demo history starts at the same moment: give it the chance to say it is running.
        if (database.Value.SeedDemo && database.Value.DemoHistory) await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken);
        if (history.Running) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
            if (!await db.Regions.AnyAsync(stoppingToken)) return;
            var now = clock.GetUtcNow();
            var (from, to) = DashboardReports.DefaultPeriod(LocalTime.Day(now));
            await DashboardReports.GetAsync(cache, scope.ServiceProvider.GetRequiredService<DashboardService>(), from, to, now, history.Running, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Computing the dashboard at start failed; the first visitor computes it.");
        }
    }
}
