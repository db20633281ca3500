using System.CommandLine;
using System.Globalization;
using Gem.Core.Demo;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Cli.Dashboard;

/// <summary>
/// <c>gem simulate [--year | --weeks N] [--per-week N] [--seed N] [--provider ..] [--connection ..]</c>: fills the demo
/// region with simulated history (<see cref="DemoHistory"/>) so the dashboard shows figures the platform's own rules
/// made. Refuses a database without the demo region, and a database that was simulated before.
/// Exit code 0 = done, 1 = refused, 2 = the database could not be used.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var year = new Option<bool>("--year") { Description = "Simulate the past 52 weeks (the default)." };
        var weeks = new Option<int?>("--weeks") { Description = "Simulate this many past weeks instead of a year." };
        var perWeek = new Option<int>("--per-week") { Description = "Synthetic citizens visiting the front door per week.", DefaultValueFactory = _ => 12 };
        var seed = new Option<int>("--seed") { Description = "Random seed (the same seed gives the same history).", DefaultValueFactory = _ => 2026 };
        var provider = CliDatabase.ProviderOption();
        var connection = CliDatabase.ConnectionOption();
        var command = new Command("simulate", "Add a simulated year of demo history (front door, enrolments, attendance, check-ins) through Gem's own services.");
        foreach (var o in new Option[] { year, weeks, perWeek, seed, provider, connection }) command.Options.Add(o);
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(weeks) ?? 52, parse.GetValue(perWeek), parse.GetValue(seed), parse.GetValue(provider), parse.GetValue(connection),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(int weeks, int perWeek, int seed, DatabaseProvider? provider, string? connection, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        await using var db = await CliDatabase.OpenAsync(provider, connection, error, ct);
        if (db is null) return 2;
        if (!await db.Regions.AnyAsync(r => r.Name == DemoRegion.Name, ct))
        {
            await error.WriteLineAsync("Alleen voor de demoregio. / Only for the demo region.");
            return 1;
        }
        // Recorded as a run, so a run cut off part-way is wiped and made again next time (decision 504).
        var log = await new DemoHistoryRuns(db, TimeProvider.System).EnsureAsync(weeks, (history, end, token) => history.RunAsync(end, weeks, perWeek, seed, token), ct);
        if (log is null)
        {
            await error.WriteLineAsync("Deze database heeft al gesimuleerde geschiedenis. / This database already has simulated history.");
            return 1;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{weeks} weeks: {log.Visits} visits, {log.Starts.Count} starts, {log.Full} full, {log.Marks.Count} attendance marks, {log.CheckIns} check-ins, {log.SessionsAdded} sessions added."));
        return 0;
    }
}
