namespace Gem.Web.Monitor;

/// <summary>The population monitor in the host: its data store (pages only, no API).</summary>
public static class MonitorModule
{
    public static void AddMonitor(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MonitorOptions>().BindConfiguration(MonitorOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<MonitorStore>();
    }
}
