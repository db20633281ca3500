using Gem.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Gem.Web.Monitor;

/// <summary>The population monitor in the host: its data stores (Vektis/SES-WOA and the social tables; pages only, no API).</summary>
public static class MonitorModule
{
    public static void AddMonitor(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonitorOptions>().BindConfiguration(MonitorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MonitorStore>();
        builder.Services.AddSingleton<SocialStore>();
        builder.Services.AddHostedService<MonitorWarmup>(); // figures ready before the first request (issue 17)
        builder.Services.AddOptions<WarmupOptions>().Configure<IOptions<MonitorOptions>>((w, m) =>
        {
            if (m.Value.WarmAtStart) w.Paths.Add("/monitor"); // and its first render (JIT) done before listening
        });
    }

    /// <summary>No endpoints of its own: its pages (Pages/Monitor) are mapped with every Razor page. Here so Program.cs wires every capability the same way.</summary>
    public static IEndpointRouteBuilder MapMonitor(this IEndpointRouteBuilder app) => app;
}
