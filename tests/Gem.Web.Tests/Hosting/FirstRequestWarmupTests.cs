using System.Net;
using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Hosting;

/// <summary>
/// The warm-up paths go once through the whole pipeline while the host starts, before any request (issue 17: the first
/// /monitor after a restart paid about half a second for its first render); a path that fails only logs.
/// </summary>
public sealed class FirstRequestWarmupTests
{
    [SqliteOnly("the request pipeline only; the database is just the host's")]
    [Fact]
    public async Task Start_SendsEveryWarmupPathThroughThePipelineOnce_AFailingPathDoesNotStopTheHost()
    {
        var probe = new Probe();
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, start: false);
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.Configure<WarmupOptions>(o => o.Paths.AddRange(["/warm-fails", "/warm-probe"]));
            s.AddSingleton<IStartupFilter>(probe);
        }));

        _ = host.Services; // builds and starts the host; no request is sent

        Assert.Equal(["/warm-fails", "/warm-probe"], probe.Seen);
        using var client = host.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/warm-probe")).StatusCode);
        Assert.Equal(3, probe.Seen.Count);
    }

    [SqliteOnly("configuration only")]
    [Fact]
    public async Task Monitor_WarmingAtStart_WarmsItsPage_OffInTests()
    {
        await using var on = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, start: false);
        on.Settings["Gem:Monitor:WarmAtStart"] = "true";
        on.Settings["Gem:Monitor:Cache"] = Path.Combine(Path.GetTempPath(), "gem-warmup-" + Guid.NewGuid().ToString("N"));
        Assert.Contains("/monitor", on.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WarmupOptions>>().Value.Paths);

        await using var off = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        Assert.Empty(off.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WarmupOptions>>().Value.Paths);
    }

    /// <summary>Answers /warm-probe with 204 and fails on /warm-fails, noting every request it sees.</summary>
    private sealed class Probe : IStartupFilter
    {
        public List<string> Seen { get; } = [];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                var path = context.Request.Path.Value ?? "";
                if (path is not ("/warm-probe" or "/warm-fails"))
                {
                    await rest(context);
                    return;
                }
                lock (Seen) Seen.Add(path);
                if (path == "/warm-fails") throw new InvalidOperationException("The probe fails on purpose.");
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
            next(app);
        };
    }
}
