using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gem.Core.Consultation;

/// <summary>
/// The clock on open requests: when the working time left before the due time falls to <see cref="RemindWhenLeft"/>,
/// the assigned specialist gets one reminder; at <see cref="ReassignWhenLeft"/> (or past due) the request goes once to
/// another lead on duty (or the least busy of the pool), who is told so. Mails hold a link, never the question.
/// </summary>
public sealed class ConsultationDeadlines(GemDbContext db, ConsultationPool pool, IOptions<MailOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan RemindWhenLeft = TimeSpan.FromHours(4);
    public static readonly TimeSpan ReassignWhenLeft = TimeSpan.FromHours(2);

    public sealed record StepResult(int Reminded, int Reassigned);

    public async Task<StepResult> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        // Only requests whose due time is near in calendar terms can be near in working time.
        var horizon = now.AddDays(7);
        var open = await db.Set<ConsultationRequest>().Where(r => r.Status == ConsultationStatus.Open && r.DueAt <= horizon).ToListAsync(ct);
        int reminded = 0, reassigned = 0;
        foreach (var r in open)
        {
            var left = WorkingTime.Between(now, r.DueAt);
            if (left <= ReassignWhenLeft && r.ReassignedAt is null)
            {
                var regionId = r.AskerPartnerId is { } p ? await db.Partners.Where(x => x.Id == p).Select(x => (Guid?)x.RegionId).FirstOrDefaultAsync(ct) : null;
                var (lead, _) = await pool.PickAsync(now, regionId, except: r.SpecialistId, ct: ct);
                r.ReassignedAt = now;
                if (lead is not null && lead.Id != r.SpecialistId)
                {
                    var previous = r.SpecialistId;
                    r.SpecialistId = lead.Id;
                    await NotifyAsync(lead.UserId, r, "Een vraag is naar jou doorgezet", "Deze vraag is bijna over tijd en nu aan jou toegewezen.", ct);
                    if (previous is { } prev && await db.Set<Specialist>().Where(s => s.Id == prev).Select(s => (Guid?)s.UserId).FirstOrDefaultAsync(ct) is { } prevUser)
                        await NotifyAsync(prevUser, r, "Een vraag is doorgezet", "Deze vraag is bijna over tijd en doorgezet naar een collega in de pool.", ct);
                    reassigned++;
                }
            }
            else if (left <= RemindWhenLeft && r.RemindedAt is null && r.ReassignedAt is null)
            {
                r.RemindedAt = now;
                if (r.SpecialistId is { } sid && await db.Set<Specialist>().Where(s => s.Id == sid).Select(s => (Guid?)s.UserId).FirstOrDefaultAsync(ct) is { } user)
                    await NotifyAsync(user, r, "Herinnering: een vraag wacht op je antwoord", "Er is nog een halve werkdag tot de afgesproken tijd.", ct);
                reminded++;
            }
            await db.SaveChangesAsync(ct);
        }
        return new StepResult(reminded, reassigned);
    }

    private async Task NotifyAsync(Guid userId, ConsultationRequest r, string subject, string text, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        if (email is null) return;
        var link = options.Value.PublicBaseUrl.TrimEnd('/') + "/consultatie/" + r.Id;
        // Queued in the outbox with the reminder or reassignment itself (one SaveChanges, decision 601).
        db.QueueText(clock.GetUtcNow(), Outbox.NewKey("consultation"), email, subject + " (Gem)", $"{text}\n\nBekijk de vraag: {link}\n");
    }
}

/// <summary>Section <c>Gem:Consultation</c>.</summary>
public sealed class ConsultationOptions
{
    public const string Section = "Gem:Consultation";
    /// <summary>Run reminders and reassignment in the background.</summary>
    public bool Deadlines { get; set; } = true;
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Runs <see cref="ConsultationDeadlines"/> every few minutes on the host's <see cref="TimeProvider"/>.</summary>
public sealed class ConsultationDeadlineService(IServiceScopeFactory scopes, IOptions<ConsultationOptions> options, TimeProvider clock, ILogger<ConsultationDeadlineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Deadlines) return;
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ConsultationDeadlines>().RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Consultation reminders failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
