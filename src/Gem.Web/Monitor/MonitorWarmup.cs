using Microsoft.Extensions.Options;

namespace Gem.Web.Monitor;

/// <summary>
/// Loads the monitor's figures when the host starts (<see cref="MonitorOptions.WarmAtStart"/>), in the background, so the
/// first visitor of <c>/monitor</c> finds them ready: from the kept file of the data version when there is one
/// (<see cref="Gem.Monitor.MonitorCache"/>), else computed once and kept. Never delays the start itself.
/// </summary>
internal sealed class MonitorWarmup(MonitorStore store, SocialStore social, IOptions<MonitorOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.WarmAtStart ? Task.CompletedTask : Task.Run(() =>
    {
        store.Get();
        _ = store.Microdata(); // starts the PC4 microdata in the background
        social.Get();
    }, stoppingToken);
}
