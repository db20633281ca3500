using Microsoft.Extensions.Options;

namespace Gem.Web.Monitor;

/// <summary>
/// Loads the monitor's figures when the host starts (<see cref="MonitorOptions.WarmAtStart"/>), so the first visitor of
/// <c>/monitor</c> finds them ready (issue 17): from the kept file of the data version when there is one
/// (<see cref="Gem.Monitor.MonitorCache"/>), else computed once and kept. The figures and the PC4 microdata are loaded
/// before the server starts listening (hosted services start first): a restart takes that much longer to come up, and its
/// first request no longer waits. The social-domain data follow in the background.
/// </summary>
internal sealed class MonitorWarmup(MonitorStore store, SocialStore social, IOptions<MonitorOptions> options) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WarmAtStart)
        {
            await Task.Run(store.Get, cancellationToken);
            await store.MicrodataAsync().WaitAsync(cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !options.Value.WarmAtStart ? Task.CompletedTask : Task.Run(social.Get, stoppingToken);
}
