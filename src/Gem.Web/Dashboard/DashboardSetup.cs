using Gem.Core.Dashboard;

namespace Gem.Web.Dashboard;

public static class DashboardSetup
{
    public static void AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<DemoHistoryRuns>();
        services.AddMemoryCache();
        services.AddSingleton<DemoHistoryStatus>();
        services.AddHostedService<DemoHistoryStartup>();
    }
}
