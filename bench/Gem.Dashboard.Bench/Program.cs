using System.Diagnostics;
using System.Globalization;
using Gem.Core.Demo;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

// The dashboard on a simulated year (issue 7): how long the simulation takes, and how long the dashboard takes to
// compute over it, cold and warm. Usage: dotnet run -c Release --project bench/Gem.Dashboard.Bench -- [Sqlite|Postgres] [weeks=52]
// PostgreSQL: GEM_TEST_POSTGRES, or a throwaway cluster started by Gem.Testing.PostgresServer.
// `restart`: first /monitor and first /dashboard after a restart of the host (RestartBench, issue 17).
if (args is ["restart", ..]) return await RestartBench.RunAsync(args[1..]);
if (args is ["restart-child", var childDatabase, var childCache, var childLabel, var childWeeks]) return await RestartBench.ChildAsync(childDatabase, childCache, childLabel, childWeeks);
var provider = args.Length > 0 ? Enum.Parse<DatabaseProvider>(args[0], ignoreCase: true) : DatabaseProvider.Sqlite;
var weeks = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 52;
var end = DateTimeOffset.UtcNow;
var clock = new SimulationClock(end);

await using var database = await TestDatabase.CreateAsync(provider);
// Connect as the web host does: the test database turns SQLite's connection pool off so its file can be deleted at once.
var connection = database.ConnectionString.Replace(";Pooling=False", "", StringComparison.Ordinal);
GemDbContext Context() => GemDatabase.CreateContext(provider, connection);
await using (var db = Context())
{
    // As the web host does for its SQLite file (Hosting/DatabaseSetup).
    if (provider == DatabaseProvider.Sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    await DemoRegion.SeedIfEmptyAsync(db, clock);
}

var stopwatch = Stopwatch.StartNew();
SimulationLog log;
await using (var db = Context()) log = await new DemoHistory(db).RunAsync(end, weeks);
var simulation = stopwatch.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{provider}, {weeks} weeks simulated in {simulation.TotalSeconds:F1} s: {log.Visits} visits, {log.Starts.Count} starts, {log.Marks.Count} attendance marks, {log.CheckIns} check-ins, {log.SessionsAdded} sessions."));

for (var i = 0; i < 5; i++)
{
    await using var db = Context();
    stopwatch.Restart();
    var report = await new DashboardService(db, clock).ComputeAsync(end.AddDays(-7 * weeks), end);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dashboard compute #{i + 1}: {stopwatch.Elapsed.TotalMilliseconds:F0} ms (group share {report.Groups.RegionShare.Value:P1})"));
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
return 0;
