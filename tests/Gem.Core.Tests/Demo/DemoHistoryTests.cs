using Gem.Core.Atlas;
using Gem.Core.Demo;
using Gem.Core.Data;
using Gem.Core.Dashboard;
using Gem.Core.Groups;
using Gem.Monitor.Disclosure;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Tests.Demo;

public sealed class DemoHistoryTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_EightWeeks_DashboardEqualsADirectCountOverTheSimulatedEvents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var end = new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);
        await using (var db = database.CreateContext()) await DemoRegion.SeedIfEmptyAsync(db, new SimulationClock(end));

        SimulationLog log;
        await using (var db = database.CreateContext()) log = await new DemoHistory(db).RunAsync(end, weeks: 8, citizensPerWeek: 15, seed: 7);

        await using var context = database.CreateContext();
        var report = await new DashboardService(context, new SimulationClock(end)).ComputeAsync(end.AddDays(-56), end);

        // Time to first attended support: per simulated person, the first session marked present on or after the visit day.
        var days = log.Starts.Select(s => log.Marks.Where(m => m.Person == s.Person && m.Mark == AttendanceMark.Present)
                .Select(m => LocalTime.Day(m.SessionStart).DayNumber - s.Visit.DayNumber).Where(d => d >= 0).Order().Cast<int?>().FirstOrDefault())
            .ToList();
        var bands = TimeToSupport.Bands.Select(b => (long)days.Count(d => d >= b.From && d <= b.To)).Append(days.Count(d => d is null)).ToArray();
        Assert.True(log.Starts.Count >= 100, $"only {log.Starts.Count} starts");
        Assert.True(bands[^1] > 0 && bands[..^1].Sum() > bands[^1], $"attended {bands[..^1].Sum()}, not yet {bands[^1]}");
        Assert.Equal(bands, report.Time.ExactBands);
        Assert.Equal(new Figure(FigureKind.Share, (double)days.Count(d => d <= 7) / days.Count), report.Time.WithinWeek);

        // Group share: present marks in groups over all present marks, as recorded by the simulated facilitators.
        var present = log.Marks.Where(m => m.Mark == AttendanceMark.Present).ToList();
        Assert.True(present.Count >= 100, $"only {present.Count} contacts");
        Assert.Equal(new Figure(FigureKind.Share, (double)present.Count(m => m.InGroup) / present.Count), report.Groups.RegionShare);
        Assert.Equal(DisclosureControl.Round(present.Count, 5), report.Groups.Table.Rows[0].Values[1].Value);

        // The simulation went through the rules: nobody above capacity, and everything it made is marked as demo.
        Assert.Equal(log.Starts.Count, report.Sectors.Exact.Sum());
        Assert.True(log.CheckIns > 0);
        Assert.True(await new DemoHistory(context).AlreadySimulatedAsync());
        var overbooked = await context.Sessions.Where(s => s.SeatsTaken > (s.Seats ?? s.Offer!.Capacity)).CountAsync();
        Assert.Equal(0, overbooked);
        Assert.All(await context.Enrolments.Select(e => e.Email).ToListAsync(), e => Assert.EndsWith("@" + DemoHistory.EmailDomain, e, StringComparison.Ordinal));
    }
}
