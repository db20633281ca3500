using Gem.Core.Demo;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Hardening;

/// <summary>Issue 12 finding 9: a crash during the demo history does not leave a partial year for good, and the dashboard says so meanwhile.</summary>
public sealed class DemoHistoryResumeTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACrashedRun_IsShownIncomplete_ThenWipedAndMadeAgainExactlyOnce(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        const int weeks = 2;

        // The first run writes weeks of history, then the process "crashes" before it can mark the run complete.
        await using (var db = factory.Database.CreateContext())
        {
            var runs = new DemoHistoryRuns(db, TimeProvider.System);
            await Assert.ThrowsAsync<IOException>(() => runs.EnsureAsync(weeks, async (history, end, ct) =>
            {
                await history.RunAsync(end, weeks, ct: ct);
                throw new IOException("the process died");
            }));
            Assert.Equal(DemoHistoryState.Incomplete, await runs.StateAsync());
            Assert.True(await new DemoHistory(db).AlreadySimulatedAsync());
        }

        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        using var client = await factory.SignedInClientAsync(coordinator);
        Assert.Contains("data-testid=\"history-incomplete\"", await client.GetStringAsync("/dashboard"), StringComparison.Ordinal);

        // The next start wipes the partial year and makes it again: what is there is exactly one run's worth.
        SimulationLog log;
        await using (var db = factory.Database.CreateContext())
        {
            var runs = new DemoHistoryRuns(db, TimeProvider.System);
            log = (await runs.EnsureAsync(weeks))!;
            Assert.NotNull(log);
            Assert.Equal(DemoHistoryState.Complete, await runs.StateAsync());
            Assert.Null(await runs.EnsureAsync(weeks));
        }
        await using (var db = factory.Database.CreateContext())
        {
            var run = await db.Set<DemoHistoryRun>().SingleAsync();
            var start = run.End.AddDays(-7 * weeks);
            Assert.Equal(log.SessionsAdded, await db.Sessions.CountAsync(s => s.Start >= start && s.Start < run.End));
            Assert.Equal(log.Visits, await db.Set<FrontDoorCount>().Where(c => c.Kind == CountKind.Conversation).SumAsync(c => c.Count));
            Assert.Equal(log.Marks.Count, await db.Attendances.CountAsync());
            Assert.Equal(log.CheckIns, await db.CheckIns.CountAsync());
            var suffix = "@" + DemoHistory.EmailDomain;
            var starts = await db.Enrolments.Where(e => e.Email != null && e.Email.EndsWith(suffix)).Select(e => e.Email).Distinct().CountAsync();
            Assert.Equal(log.Starts.Select(s => s.Person).Distinct().Count(), starts);
        }
        Assert.DoesNotContain("data-testid=\"history-incomplete\"", await client.GetStringAsync("/dashboard"), StringComparison.Ordinal);
    }
}
