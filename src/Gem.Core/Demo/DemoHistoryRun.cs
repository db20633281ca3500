using Gem.Core.Common;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Demo;

/// <summary>
/// One simulation of demo history: written before it starts, completed when its last week is done. A run without
/// <see cref="CompletedAt"/> was cut off (a crash, a stop); the next start wipes what it made and runs again.
/// </summary>
public class DemoHistoryRun
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The simulated period ends here (the moment the run started).</summary>
    public DateTimeOffset End { get; set; }
    public int Weeks { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset Start => End.AddDays(-7 * Weeks);
}

internal sealed class DemoHistoryRunConfiguration : IEntityTypeConfiguration<DemoHistoryRun>
{
    public void Configure(EntityTypeBuilder<DemoHistoryRun> b)
    {
        b.ToTable("DemoHistoryRuns");
        b.Ignore(r => r.Start);
    }
}

/// <summary>What the dashboard says about the demo history.</summary>
public enum DemoHistoryState { None, Complete, Incomplete }

/// <summary>
/// Runs the demo history so that a crash never leaves a partial year for good (issue 12): a run is recorded before it
/// starts and marked complete after; an unfinished run found at the next start is wiped — the simulated people,
/// their enrolments, plans and check-ins, the past sessions and the front-door counts of its period — and run again.
/// </summary>
public sealed class DemoHistoryRuns(GemDbContext db, TimeProvider clock)
{
    public async Task<DemoHistoryState> StateAsync(CancellationToken ct = default)
    {
        var last = await db.Set<DemoHistoryRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(ct);
        if (last is not null) return last.CompletedAt is null ? DemoHistoryState.Incomplete : DemoHistoryState.Complete;
        // History made before runs were recorded counts as complete.
        return await new DemoHistory(db).AlreadySimulatedAsync(ct) ? DemoHistoryState.Complete : DemoHistoryState.None;
    }

    /// <summary>
    /// Makes sure the region has one complete year: nothing when it has; otherwise wipes an unfinished run and
    /// simulates <paramref name="weeks"/> weeks up to now. Returns the log of a new run, or null when none was needed.
    /// </summary>
    public async Task<SimulationLog?> EnsureAsync(int weeks, Func<DemoHistory, DateTimeOffset, CancellationToken, Task<SimulationLog>>? simulate = null, CancellationToken ct = default)
    {
        var state = await StateAsync(ct);
        if (state == DemoHistoryState.Complete) return null;
        var runs = db.Set<DemoHistoryRun>();
        foreach (var unfinished in await runs.Where(r => r.CompletedAt == null).ToListAsync(ct))
        {
            await WipeAsync(unfinished, ct);
            runs.Remove(unfinished);
            await db.SaveChangesAsync(ct);
        }
        var run = new DemoHistoryRun { End = clock.GetUtcNow(), Weeks = weeks, StartedAt = clock.GetUtcNow() };
        runs.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var history = new DemoHistory(db);
        var log = simulate is null ? await history.RunAsync(run.End, weeks, ct: ct) : await simulate(history, run.End, ct);

        db.ChangeTracker.Clear();
        await runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAt, clock.GetUtcNow()), ct);
        return log;
    }

    /// <summary>Removes everything an unfinished run made. Only demo data: addresses at the simulation's domain and its period.</summary>
    private async Task WipeAsync(DemoHistoryRun run, CancellationToken ct)
    {
        var suffix = "@" + DemoHistory.EmailDomain;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var enrolments = db.Enrolments.Where(e => e.Email != null && e.Email.EndsWith(suffix));
        await db.Reminders.Where(r => enrolments.Select(e => e.Id).Contains(r.EnrolmentId)).ExecuteDeleteAsync(ct);
        await db.Attendances.Where(a => enrolments.Select(e => e.Id).Contains(a.EnrolmentId)).ExecuteDeleteAsync(ct);
        await enrolments.ExecuteDeleteAsync(ct);
        // The simulated citizens; their plans, goals and check-ins go with them (cascade).
        var users = db.Users.Where(u => u.Email != null && u.Email.EndsWith(suffix)).Select(u => u.Id);
        await db.CheckIns.Where(c => users.Contains(c.OwnerId)).ExecuteDeleteAsync(ct);
        await db.Goals.Where(g => users.Contains(g.OwnerId)).ExecuteDeleteAsync(ct);
        await db.PersonalPlans.Where(p => users.Contains(p.UserId)).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => users.Contains(r.UserId)).ExecuteDeleteAsync(ct);
        await db.Users.Where(u => u.Email != null && u.Email.EndsWith(suffix)).ExecuteDeleteAsync(ct);
        // The past sessions it added (the demo's own sessions all lie after the run's end) and the counts of its days.
        var start = run.Start;
        var end = run.End;
        var pastSessions = db.Sessions.Where(s => s.Start >= start && s.Start < end).Select(s => s.Id);
        await db.SessionFacilitators.Where(f => pastSessions.Contains(f.SessionId)).ExecuteDeleteAsync(ct);
        await db.Sessions.Where(s => s.Start >= start && s.Start < end && !db.Enrolments.Any(e => e.SessionId == s.Id)).ExecuteDeleteAsync(ct);
        var firstDay = LocalTime.Day(start);
        var lastDay = LocalTime.Day(end);
        await db.Set<FrontDoorCount>().Where(c => c.Day >= firstDay && c.Day <= lastDay).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
    }
}
