using Microsoft.Extensions.Options;

namespace Gem.Web.Monitor;

/// <summary>
/// Loads the monitor's data when the host starts (<see cref="MonitorOptions.WarmAtStart"/>), so the first visitor of
/// <c>/monitor</c> finds them ready (issue 17): the figures from the kept file of the data version when there is one
/// (<see cref="Gem.Monitor.MonitorCache"/>), else computed once and kept; the PC4 microdata; and the social-domain tables.
/// All before the server starts listening (hosted services start first), so a restart takes that much longer to come up
/// and its first request neither waits for them nor competes with them for the cores. The first render of
/// <c>/monitor</c> itself is then done by <see cref="Hosting.FirstRequestWarmup"/>.
/// </summary>
internal sealed class MonitorWarmup(MonitorStore store, SocialStore social, IOptions<MonitorOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WarmAtStart) return;
        await Task.Run(store.Get, cancellationToken);
        await store.MicrodataAsync().WaitAsync(cancellationToken);
        await Task.Run(social.Get, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
