using Gem.Core.Data;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gem.Core.Mail;

/// <summary>
/// Delivers the outbox (decision 601). Each pass claims due rows with one atomic conditional UPDATE (on PostgreSQL
/// <c>FOR UPDATE SKIP LOCKED</c>) that sets a claim id and a lease, so instances sharing a database never take the
/// same row, and a crashed instance's rows are taken again once the lease has passed. Each message is marked sent
/// right after the relay accepted it; a failure puts it back with an exponentially growing delay. A resend after
/// a crash carries the same Message-Id.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IMailSender transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxSender> logger)
    : BackgroundService
{
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.Transport == MailTransport.None) logger.LogWarning("{Mail}", o.Describe());
        else logger.LogInformation("{Mail}", o.Describe());
        if (!o.Outbox.Enabled || o.Transport == MailTransport.None) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DeliverDueAsync(stoppingToken);
                await PurgeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Delivering the outbox failed; retrying at the next tick");
            }
            if (handled < o.Outbox.BatchSize) await Task.Delay(o.Outbox.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>One pass: claims up to a batch of due messages and delivers them. Returns how many rows it handled (sent, retried later or failed).</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        var claim = Guid.NewGuid();
        if (await ClaimAsync(db, claim, o.Outbox, ct) == 0) return 0;
        var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.ClaimedBy == claim).OrderBy(m => m.DueAt).ToListAsync(ct);

        var ready = new List<(OutboxMessage Row, MimeMessage Message)>();
        var renderers = scope.ServiceProvider.GetServices<IOutboxRenderer>().ToList();
        foreach (var row in rows)
        {
            try
            {
                var message = row.Kind == Outbox.TextKind ? Outbox.TextMessage(row)
                    : await (renderers.FirstOrDefault(r => r.Handles(row.Kind)) ?? throw new InvalidOperationException("No renderer for mail kind " + row.Kind)).RenderAsync(db, row, ct);
                if (message is null)
                {
                    await FailAsync(db, row, claim, "Not sent: what it was about no longer exists.", ct);
                    continue;
                }
                message.MessageId = o.MessageId(row.Key);
                message.From.Clear();
                message.From.Add(new MailboxAddress(o.FromName, o.From));
                ready.Add((row, message));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Building mail {Key} failed", row.Key);
                await RetryLaterAsync(db, row, claim, e, ct);
            }
        }
        if (ready.Count == 0) return rows.Count;

        IMailConnection? connection = null;
        try
        {
            for (var i = 0; i < ready.Count; i++)
            {
                var (row, message) = ready[i];
                try
                {
                    connection ??= await transport.ConnectAsync(ct);
                    await connection.SendAsync(message, ct);
                }
                catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted)
                {
                    logger.LogWarning("Mail {Key} refused for good: {Error}", row.Key, e.Message);
                    await FailAsync(db, row, claim, $"{(int)e.StatusCode} {e.Message}", ct);
                    // A fresh connection for the rest, whatever state the refusal left the session in.
                    await connection!.DisposeAsync();
                    connection = null;
                    continue;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The relay is unreachable, the connection is gone or the relay is in trouble: this one and the rest wait.
                    logger.LogWarning("Mail relay unavailable or failing ({Error}); {Count} messages wait for a next attempt", e.Message, ready.Count - i);
                    for (var j = i; j < ready.Count; j++) await RetryLaterAsync(db, ready[j].Row, claim, e, ct);
                    break;
                }
                var now = clock.GetUtcNow();
                await db.Set<OutboxMessage>().Where(m => m.Id == row.Id && m.ClaimedBy == claim)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, now).SetProperty(m => m.ClaimedBy, (Guid?)null)
                        .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            }
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
        return rows.Count;
    }

    /// <summary>Rows not sent yet and not given up; with <paramref name="dueOnly"/> only those due now (claimed or not), not those waiting for a retry.</summary>
    public async Task<int> PendingAsync(bool dueOnly = false, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        var now = clock.GetUtcNow();
        return await db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null && m.FailedAt == null && (!dueOnly || m.DueAt <= now), ct);
    }

    private Task<int> ClaimAsync(GemDbContext db, Guid claim, OutboxOptions o, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + o.ClaimLease;
        if (db.Database.IsNpgsql())
        {
            // Rows another instance is claiming right now are skipped, not waited for.
            return db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "OutboxMessages" SET "ClaimedBy" = {claim}, "ClaimedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "OutboxMessages"
                               WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "DueAt" <= {now} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= {now})
                               ORDER BY "DueAt" LIMIT {o.BatchSize} FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        // Elsewhere (SQLite: one writer at a time) the same conditions, checked again by the UPDATE itself.
        var set = db.Set<OutboxMessage>();
        var due = set.Where(m => m.SentAt == null && m.FailedAt == null && m.DueAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .OrderBy(m => m.DueAt).Take(o.BatchSize).Select(m => m.Id);
        return set.Where(m => due.Contains(m.Id) && m.SentAt == null && m.FailedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
    }

    /// <summary>The wait before attempt n+1 after n failed attempts: RetryDelay × 2^(n−1), at most MaxRetryDelay.</summary>
    public static TimeSpan Backoff(OutboxOptions o, int attempts) =>
        TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.RetryDelay.Ticks * (long)Math.Pow(2, Math.Clamp(attempts - 1, 0, 30))));

    private Task RetryLaterAsync(GemDbContext db, OutboxMessage row, Guid claim, Exception error, CancellationToken ct)
    {
        var o = options.Value.Outbox;
        var attempts = row.Attempts; // this attempt was counted when the row was claimed
        if (attempts >= o.MaxAttempts) return FailAsync(db, row, claim, $"Gave up after {attempts} attempts: {error.Message}", ct);
        var due = clock.GetUtcNow() + Backoff(o, attempts);
        var text = Truncate(error.Message);
        return db.Set<OutboxMessage>().Where(m => m.Id == row.Id && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.DueAt, due).SetProperty(m => m.ClaimedBy, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, text), CancellationToken.None);
    }

    private Task FailAsync(GemDbContext db, OutboxMessage row, Guid claim, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var text = Truncate(reason);
        logger.LogWarning("Mail {Key} not sent: {Reason}", row.Key, reason);
        return db.Set<OutboxMessage>().Where(m => m.Id == row.Id && m.ClaimedBy == claim)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.FailedAt, now).SetProperty(m => m.ClaimedBy, (Guid?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null).SetProperty(m => m.LastError, text), CancellationToken.None);
    }

    private async Task PurgeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastPurge < TimeSpan.FromHours(1)) return;
        _lastPurge = now;
        var before = now - options.Value.Outbox.KeepSent;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        await db.Set<OutboxMessage>().Where(m => (m.SentAt != null && m.SentAt < before) || (m.FailedAt != null && m.FailedAt < before)).ExecuteDeleteAsync(ct);
    }

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];
}
