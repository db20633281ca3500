using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gem.Core.Sms;

/// <summary>
/// Delivers queued text messages: claim → send → mark, as the mail outbox does (decision 601). A pass claims due rows with
/// one conditional UPDATE (claim id and lease; the UPDATE re-checks the conditions, so two instances never take the same
/// row, and a crashed instance's rows are free again after the lease), renders each from the data as it is now, hands it
/// to <see cref="ISmsSender"/>, and marks it sent; a failure waits and is tried again, up to <see cref="SmsOptions.MaxAttempts"/>.
/// </summary>
public sealed class SmsOutboxSender(IServiceScopeFactory scopes, ISmsSender transport, IOptions<SmsOptions> options, TimeProvider clock, ILogger<SmsOutboxSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Transport == SmsTransport.None) logger.LogWarning("{Sms}", o.Describe());
        else logger.LogInformation("{Sms}", o.Describe());
        if (!o.Enabled || o.Transport == SmsTransport.None) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Delivering text messages failed; retrying at the next tick");
            }
            await Task.Delay(o.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>One pass; returns how many rows it handled.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        var set = db.Set<SmsMessage>();
        var now = clock.GetUtcNow();
        await set.Where(m => (m.SentAt != null && m.SentAt < now - o.KeepSent) || (m.FailedAt != null && m.FailedAt < now - o.KeepSent)).ExecuteDeleteAsync(ct);

        var claim = Guid.NewGuid();
        var until = now + o.ClaimLease;
        var due = set.Where(m => m.SentAt == null && m.FailedAt == null && m.DueAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .OrderBy(m => m.DueAt).Take(o.BatchSize).Select(m => m.Id);
        var claimed = await set.Where(m => due.Contains(m.Id) && m.SentAt == null && m.FailedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        if (claimed == 0) return 0;

        var rows = await set.AsNoTracking().Where(m => m.ClaimedBy == claim).OrderBy(m => m.DueAt).ToListAsync(ct);
        var renderers = scope.ServiceProvider.GetServices<ISmsRenderer>().ToList();
        foreach (var row in rows)
        {
            DateTimeOffset? sent = null, failed = null, retryAt = null;
            string? error = null;
            try
            {
                var text = await (renderers.FirstOrDefault(r => r.Handles(row.Kind)) ?? throw new InvalidOperationException("No renderer for text kind " + row.Kind)).RenderAsync(db, row, ct);
                if (text is null)
                {
                    (failed, error) = (clock.GetUtcNow(), "Not sent: what it was about no longer exists.");
                }
                else
                {
                    await transport.SendAsync(row.Key, row.To, text, ct);
                    sent = clock.GetUtcNow();
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Text message {Key} not sent ({Error})", row.Key, e.Message);
                error = e.Message.Length <= 1000 ? e.Message : e.Message[..1000];
                if (row.Attempts >= o.MaxAttempts) failed = clock.GetUtcNow();
                else retryAt = clock.GetUtcNow() + o.RetryDelay * Math.Pow(2, Math.Clamp(row.Attempts - 1, 0, 10));
            }
            await set.Where(m => m.Id == row.Id && m.ClaimedBy == claim).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.SentAt, sent).SetProperty(m => m.FailedAt, failed).SetProperty(m => m.DueAt, m => retryAt ?? m.DueAt)
                .SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, error), CancellationToken.None);
        }
        return rows.Count;
    }
}
