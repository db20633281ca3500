using System.Diagnostics;
using System.Globalization;
using Gem.Core.Data;
using Gem.Core.Demo;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>
/// First /monitor and first /dashboard after a restart (issue 17): each start is a NEW PROCESS (nothing JIT-compiled or
/// cached in memory survives) over the same SQLite database and the same monitor cache folder.
/// Usage: dotnet run -c Release --project bench/Gem.Dashboard.Bench -- restart [restarts=2] [weeks=52]
/// Start 1 has no kept monitor figures (cold) and simulates the demo year; the restarts find the kept figures.
/// </summary>
internal static class RestartBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var restarts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        var weeks = args.Length > 1 ? args[1] : "52";
        var work = Directory.CreateTempSubdirectory("gem-restart-bench-").FullName;
        var database = Path.Combine(work, "gem.db");
        var cache = Path.Combine(work, "cache");
        try
        {
            for (var i = 0; i <= restarts; i++)
            {
                var self = Environment.ProcessPath!;
                var info = new ProcessStartInfo(self) { RedirectStandardOutput = false, UseShellExecute = false };
                if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(RestartBench).Assembly.Location);
                foreach (var a in new[] { "restart-child", database, cache, i == 0 ? "cold" : "restart-" + i.ToString(CultureInfo.InvariantCulture), weeks })
                    info.ArgumentList.Add(a);
                using var child = Process.Start(info)!;
                await child.WaitForExitAsync();
                if (child.ExitCode != 0) return child.ExitCode;
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>One start of the host: waits for the demo year on the first, then times the first requests.</summary>
    public static async Task<int> ChildAsync(string database, string cache, string label, string weeks)
    {
        var process = Stopwatch.StartNew();
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Gem.sln"))) root = Path.GetDirectoryName(root);
        Environment.SetEnvironmentVariable("GEM_WEB_CONTENT_ROOT", Path.Combine(root ?? ".", "src", "Gem.Web"));
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var db = TestDatabase.External(DatabaseProvider.Sqlite, $"Data Source={database}");
        await using var factory = new GemWebFactory(db);
        factory.Settings["Gem:Database:DemoHistory"] = "true";
        factory.Settings["Gem:Database:DemoHistoryWeeks"] = weeks;
        factory.Settings["Gem:Monitor:Cache"] = cache;
        factory.Settings["Gem:Monitor:WarmAtStart"] = "true";
        factory.Settings["Gem:Dashboard:WarmAtStart"] = "true";
        var started = Stopwatch.StartNew();
        _ = factory.Services; // builds and starts the host (migrations, hosted services)
        var startup = started.Elapsed;
        if (label == "cold")
        {
            // The demo year is simulated once, in the background; the dashboard is timed over the full year.
            for (var i = 0; i < 1200 && await StateAsync(factory) != DemoHistoryState.Complete; i++) await Task.Delay(500);
        }

        var anonymous = factory.CreateClient();
        var monitor = await TimeAsync(anonymous, "/monitor");
        var monitorAgain = await TimeAsync(anonymous, "/monitor");
        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        using var signedIn = await factory.SignedInClientAsync(coordinator);
        var dashboard = await TimeAsync(signedIn, "/dashboard");
        var dashboardAgain = await TimeAsync(signedIn, "/dashboard");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-10} host start {startup.TotalMilliseconds,6:F0} ms | first /monitor {monitor,6:F0} ms, second {monitorAgain,5:F0} ms | first /dashboard {dashboard,6:F0} ms, second {dashboardAgain,5:F0} ms | load {File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    private static async Task<DemoHistoryState> StateAsync(GemWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoHistoryRuns>().StateAsync();
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var t = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path);
        _ = await response.Content.ReadAsStringAsync(); // the whole page, as a browser waits for it
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
        return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }
}
