using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gem.Core.Groups;

public enum ReminderState { Pending = 1, Sent = 2 }

/// <summary>
/// One reminder for one person and one session. The key makes it exist once; it is written together with its mail in
/// the outbox (State Sent: handed to the outbox), so two instances cannot both queue it. Pending is only found in
/// databases from before the outbox.
/// </summary>
public class Reminder
{
    public Guid EnrolmentId { get; set; }
    public Guid SessionId { get; set; }
    public ReminderState State { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> b)
    {
        b.HasKey(r => new { r.EnrolmentId, r.SessionId });
        b.HasIndex(r => r.State);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(r => r.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Session>().WithMany().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Mails every expected person the day before a session. Each reminder row and its outbox message (fixed key, so a
/// fixed Message-Id) are written in one SaveChanges: the reminder's primary key is the claim, so of two instances (or a
/// pass after a crash) only one queues it, and the outbox sender delivers it once (decision 601).
/// </summary>
public sealed class ReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Lead = TimeSpan.FromHours(24);
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending reminders failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: every session starting within the next 24 hours. Returns how many reminders were queued.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        var attendances = scope.ServiceProvider.GetRequiredService<Attendances>();
        var now = clock.GetUtcNow();
        var until = now + Lead;
        var offersWithPeople = db.Enrolments.Where(e => e.Status == EnrolmentStatus.Active && e.Email != null).Select(e => e.OfferId);
        var sessions = await db.Sessions.AsNoTracking().Include(s => s.Offer)
            .Where(s => s.CancelledAt == null && s.Start > now && s.Start <= until && offersWithPeople.Contains(s.OfferId))
            .ToListAsync(ct);

        var queued = 0;
        foreach (var session in sessions.OrderBy(s => s.Start))
        {
            foreach (var enrolment in await attendances.ExpectedAsync(session, ct))
            {
                if (enrolment.Status != EnrolmentStatus.Active || enrolment.Email is null) continue;
                var reminder = await db.Reminders.FindAsync([enrolment.Id, session.Id], ct);
                if (reminder?.State == ReminderState.Sent) continue;
                if (reminder is null)
                {
                    reminder = new Reminder { EnrolmentId = enrolment.Id, SessionId = session.Id, ClaimedAt = now };
                    db.Reminders.Add(reminder);
                }
                reminder.State = ReminderState.Sent;
                reminder.SentAt = now;
                EnrolmentMail.QueueReminder(db, enrolment, session.Id, now);
                try
                {
                    await db.SaveChangesAsync(ct);
                    queued++;
                }
                catch (DbUpdateException)
                {
                    // Another instance queued this reminder a moment ago (same key): nothing to do.
                    db.ChangeTracker.Clear();
                }
            }
        }
        return queued;
    }
}
