using Gem.Core.Demo;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Web.Dashboard;

/// <summary>Whether the demo's year of history is being simulated right now (the dashboard says so).</summary>
public sealed class DemoHistoryStatus
{
    private volatile bool _running;

    public bool Running { get => _running; set => _running = value; }
}

/// <summary>
/// With <c>Gem:Database:SeedDemo</c> and <c>Gem:Database:DemoHistory</c>: after start-up, once, fills the demo region
/// with a simulated year (<see cref="DemoHistory"/>, through the same services the web uses) so the one-command demo
/// shows a dashboard with figures. Runs in the background (about a minute on SQLite); the site works meanwhile.
/// Skips a database without the demo region or with simulated history already.
/// </summary>
public sealed class DemoHistoryStartup(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    TimeProvider clock,
    DemoHistoryStatus status,
    ILogger<DemoHistoryStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedDemo || !options.Value.DemoHistory) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        var history = new DemoHistory(db);
        if (!await db.Regions.AnyAsync(r => r.Name == DemoRegion.Name, stoppingToken) || await history.AlreadySimulatedAsync(stoppingToken)) return;
        status.Running = true;
        try
        {
            logger.LogInformation("Simulating a year of demo history for the dashboard; the site works meanwhile.");
            var log = await history.RunAsync(clock.GetUtcNow(), weeks: options.Value.DemoHistoryWeeks, ct: stoppingToken);
            logger.LogInformation("Demo history ready: {Visits} visits, {Starts} starts, {Marks} attendance marks, {CheckIns} check-ins.",
                log.Visits, log.Starts.Count, log.Marks.Count, log.CheckIns);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Stopped while simulating demo history; the dashboard shows part of a year. Delete the demo database to start again.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Demo data only: the site goes on without it rather than stopping the host.
            logger.LogError(e, "Simulating demo history failed; the dashboard shows what was made before the failure.");
        }
        finally
        {
            status.Running = false;
        }
    }
}
