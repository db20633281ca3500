using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Monitor;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Monitor;

/// <summary>
/// With the warm-up on, the monitor's figures, the PC4 microdata and the social-domain tables are loaded before the host starts serving (issue 17:
/// the first /monitor after a restart waited 3.1 s for them): as soon as the host has started, nothing is left to load.
/// </summary>
public sealed class MonitorWarmupTests
{
    [SqliteOnly("no database: the monitor reads its data files")]
    [Fact]
    public async Task Start_WithWarmUp_FiguresMicrodataAndSocialTablesAreLoadedBeforeTheFirstRequest()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, start: false);
        factory.Settings["Gem:Monitor:WarmAtStart"] = "true";
        factory.Settings["Gem:Monitor:Cache"] = Path.Combine(Path.GetTempPath(), "gem-warmup-" + Guid.NewGuid().ToString("N"));
        var store = factory.Services.GetRequiredService<MonitorStore>(); // builds and starts the host

        Assert.NotNull(store.Microdata()); // no waiting: loaded during the start
        Assert.True(factory.Services.GetRequiredService<SocialStore>().IsLoaded); // nor competing with the first request
        Assert.Null(store.Get().Problem);
    }
}
