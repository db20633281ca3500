using System.Runtime.CompilerServices;

namespace Gem.Testing;

/// <summary>
/// Test hosts do not watch files. Every host otherwise opens inotify instances (appsettings reload, the web root for
/// asp-append-version), and Linux allows 128 per user across all processes: a test run that starts hundreds of hosts
/// next to Chromium ran out ("The configured user limit (128) on the number of inotify instances has been reached").
/// Polling needs no inotify instance, and configuration is read once.
/// </summary>
internal static class NoFileWatchers
{
#pragma warning disable CA2255 // a test library is where a module initializer belongs
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
