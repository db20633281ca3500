using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Dashboard;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Dashboard;

/// <summary>
/// The default dashboard report is computed when the host starts (issue 17), so the coordinator's first /dashboard after a
/// restart is served from the cache; the page uses exactly that cache entry.
/// </summary>
public sealed class DashboardWarmupTests
{
    [SqliteOnly("the warm-up at start; the report queries run on both in DashboardPageTests")]
    [Fact]
    public async Task Start_WithWarmUp_TheDefaultReportIsInTheCacheBeforeAnyRequest()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, start: false);
        factory.Settings["Gem:Dashboard:WarmAtStart"] = "true";
        var cache = factory.Services.GetRequiredService<IMemoryCache>();
        var clock = factory.Services.GetRequiredService<TimeProvider>();
        var (from, to) = DashboardReports.DefaultPeriod(LocalTime.Day(clock.GetUtcNow()));
        object key = ("dashboard", (DateOnly?)from, (DateOnly?)to);

        DashboardReport? report = null;
        for (var i = 0; i < 600 && !cache.TryGetValue(key, out report); i++) await Task.Delay(100); // waits for the background warm-up, up to a minute

        Assert.NotNull(report);
        using var scope = factory.Services.CreateScope();
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        Assert.Same(report, await DashboardReports.GetAsync(cache, dashboard, from, to, clock.GetUtcNow(), historyRunning: false, default));
    }
}
