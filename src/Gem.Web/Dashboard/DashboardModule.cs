using Gem.Core.Dashboard;
using Gem.Core.Demo;

namespace Gem.Web.Dashboard;

/// <summary>The dashboard in the host: its figures and the demo history (pages only, no API).</summary>
public static class DashboardModule
{
    public static void AddDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<DashboardService>();
        services.AddScoped<DemoHistoryRuns>();
        services.AddMemoryCache();
        services.AddSingleton<DemoHistoryStatus>();
        services.AddHostedService<DemoHistoryStartup>();
        services.AddHostedService<DashboardWarmup>(); // the default report ready before the first visitor (issue 17)
    }

    /// <summary>No endpoints of its own: its pages and CSV/SVG handlers (Pages/Dashboard) are mapped with every Razor page. Here so Program.cs wires every capability the same way.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app) => app;
}
