using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gem.Core.Diary;

/// <summary>What one pass did (<see cref="Mailed"/>: prompts that went by mail or, for those who chose it, by SMS).</summary>
public sealed record DiaryPass(int Sent, int Pushed, int Mailed, int Reminded, int Noticed)
{
    public static readonly DiaryPass None = new(0, 0, 0, 0, 0);
}

/// <summary>
/// Sends the diary's prompts on time (decision 802), in the claim → send → mark pattern of the outbox: a pass claims due
/// moments (newest first) with one conditional UPDATE (PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>) that sets a claim id and a
/// lease, pushes each to the person's browsers, and marks it sent right after (marks that queue up meanwhile go in one
/// statement). Two instances never claim the same moment; a crashed instance's moments are claimed again half a lease
/// after its lease lapsed. Moments that expired before any sender got to them are settled in bulk as not sent. A moment with no browser that accepted the push goes by
/// mail through the outbox (key per moment, so queued once). Halfway to expiry an unopened prompt gets one reminder; after
/// two silent prompts in a row the person is told, once, by mail and on the diary page.
/// </summary>
public sealed class DiaryPromptSender(IServiceScopeFactory scopes, DiaryPush push, IOptions<DiaryOptions> options, IOptions<MailOptions> mail,
    TimeProvider clock, ILogger<DiaryPromptSender> logger) : BackgroundService
{
    private DateTimeOffset? _lastNoticeCheck;
    private DateTimeOffset? _lastSettle;
    /// <summary>Where a prompt no browser took goes instead (SMS or mail): the one point where the channel is chosen.</summary>
    private readonly DiaryPromptChannel _fallback = new(mail);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var pass = DiaryPass.None;
            try
            {
                pass = await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Sending diary prompts failed; retrying at the next tick");
            }
            if (pass.Sent < options.Value.BatchSize) await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
        }
    }

    /// <summary>
    /// One pass: due prompts (one batch), due reminders, and the "prompts do not arrive" notices. Prompts come first: while
    /// a full batch of prompts was due (a backlog), the reminders wait for a pass with room, because a reminder is worth less
    /// than a first prompt that would otherwise expire unsent.
    /// </summary>
    public async Task<DiaryPass> RunOnceAsync(CancellationToken ct = default)
    {
        var (sent, pushed, mailed) = await SendDueAsync(ct);
        var reminded = sent < options.Value.BatchSize ? await RemindAsync(ct) : 0;
        var noticed = await NoticeSilenceAsync(ct);
        return new DiaryPass(sent, pushed, mailed, reminded, noticed);
    }

    private async Task<(int Sent, int Pushed, int Mailed)> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        var claim = Guid.NewGuid();
        var claimedAt = clock.GetUtcNow();
        await SettleExpiredAsync(db, claimedAt, ct);
        var moments = await ClaimAsync(db, claim, claimedAt, ct);
        if (moments.Count == 0) return (0, 0, 0);
        await using var lease = new Lease(scopes, clock, options.Value.ClaimLease, logger, claim, [.. moments.Select(m => m.Id)], claimedAt + options.Value.ClaimLease);
        var owners = moments.Select(m => m.OwnerId).Distinct().ToList();
        var subscriptions = (await db.Set<DiaryPushSubscription>().AsNoTracking().Where(s => owners.Contains(s.OwnerId)).ToListAsync(ct))
            .ToLookup(s => s.OwnerId);

        var outcomes = new ConcurrentDictionary<Guid, DiaryChannel>();
        var gone = new ConcurrentBag<Guid>();
        var expired = new ConcurrentBag<Guid>();
        // Declared after the lease, so disposed before it: the marks still queued are written while the claim holds.
        await using var marks = new Marks(scopes, clock, logger, claim);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Lapsed);
        // A push under way when the lease lapses may finish (and be marked) until the lease is abandoned, a quarter lease
        // later: another instance takes the moments over only half a lease after it lapsed (TakeoverGrace).
        using var inFlight = CancellationTokenSource.CreateLinkedTokenSource(ct, lease.Abandoned);
        try
        {
            await Parallel.ForEachAsync(moments.Where(m => subscriptions[m.OwnerId].Any()).OrderBy(m => m.PlannedAt),
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = sending.Token }, async (moment, _) =>
                {
                    // A batch that runs late can reach a moment after it expired: such a prompt is not sent at all.
                    var left = moment.ExpiresAt - clock.GetUtcNow();
                    if (left <= TimeSpan.Zero)
                    {
                        expired.Add(moment.Id);
                        return;
                    }
                    var json = Payload(moment, reminder: false);
                    foreach (var s in subscriptions[moment.OwnerId])
                    {
                        if (sending.IsCancellationRequested) break; // lapsed: no new push
                        // Cancelled when the lease is abandoned: soon after, another instance may own the moment.
                        var outcome = await push.SendAsync(s, json, Topic(moment), left, inFlight.Token);
                        if (outcome == PushOutcome.Accepted) outcomes[moment.Id] = DiaryChannel.Push;
                        else if (outcome == PushOutcome.Gone) gone.Add(s.Id);
                    }
                    // Marked right after the push service accepted, together with the other marks that came in meanwhile
                    // (one statement for all of them, conditional on the claim): a crash loses at most the moments in flight.
                    if (outcomes.ContainsKey(moment.Id)) marks.Add(moment.Id);
                });
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The lease lapsed (its renewal failed or came too late): what was not pushed is left for the next claim, by
            // this instance or another. Nothing goes by mail from here either, as the mail would not be atomic with the push.
            logger.LogWarning("A diary batch outlived its claim; {Left} prompts are left to the next claim", moments.Count - outcomes.Count);
            if (!gone.IsEmpty) await db.Set<DiaryPushSubscription>().Where(s => gone.Contains(s.Id)).ExecuteDeleteAsync(CancellationToken.None);
            return (outcomes.Count, outcomes.Count, 0);
        }
        if (!gone.IsEmpty) await db.Set<DiaryPushSubscription>().Where(s => gone.Contains(s.Id)).ExecuteDeleteAsync(CancellationToken.None);

        // No browser, or none accepted: the prompt goes by mail (outbox key per moment: queued once, whatever happens).
        if (!expired.IsEmpty) await Mark(db, [.. expired], claim, DiaryChannel.None, clock.GetUtcNow(), CancellationToken.None);
        var mailed = 0;
        var byMail = moments.Where(m => !outcomes.ContainsKey(m.Id) && !expired.Contains(m.Id)).ToList();
        if (byMail.Count > 0)
        {
            var ids = byMail.Select(m => m.OwnerId).Distinct().ToList();
            var contacts = await DiaryPromptChannel.ContactsAsync(db, ids, ct);
            foreach (var moment in byMail)
            {
                // Too late by now (the pushes before took the time): not mailed either.
                if (moment.ExpiresAt <= clock.GetUtcNow()) await Mark(db, [moment.Id], claim, DiaryChannel.None, clock.GetUtcNow(), CancellationToken.None);
                else if (await MailAsync(db, moment, contacts.GetValueOrDefault(moment.OwnerId), claim)) mailed++;
            }
        }
        return (moments.Count, outcomes.Count, mailed);
    }

    /// <summary>
    /// The mail (or SMS, when the person chose it: <see cref="DiaryPromptChannel"/>) and the mark in one transaction, the
    /// mark conditional on the claim: if another instance took the moment over (this batch's lease lapsed), nothing is
    /// queued. Without an address or number the moment is settled as not sent.
    /// </summary>
    private async Task<bool> MailAsync(GemDbContext db, DiaryMoment moment, DiaryContact? contact, Guid claim)
    {
        var now = clock.GetUtcNow();
        var channel = DiaryPromptChannel.Choose(contact);
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await Mark(db, [moment.Id], claim, channel, now, CancellationToken.None) == 0) return false;
        if (contact is not null && channel != DiaryChannel.None)
        {
            await _fallback.QueueAsync(db, moment, contact, channel, now, reminder: false, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        await tx.CommitAsync(CancellationToken.None);
        return channel != DiaryChannel.None;
    }

    private static Task<int> Mark(GemDbContext db, Guid[] momentIds, Guid claim, DiaryChannel channel, DateTimeOffset now, CancellationToken ct) =>
        db.Set<DiaryMoment>().Where(m => momentIds.Contains(m.Id) && m.ClaimedBy == claim && m.SentAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, now).SetProperty(m => m.Channel, channel)
                .SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct);

    /// <summary>
    /// The "sent by push" marks of one batch, written as they come in: one UPDATE (by key, conditional on the claim) for
    /// all marks that queued up while the previous one ran. A mark waits at most one statement; a push's slot does not
    /// wait for it. Disposing writes what is still queued (also when the batch was cut off).
    /// </summary>
    private sealed class Marks : IAsyncDisposable
    {
        private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
        private readonly IServiceScopeFactory _scopes;
        private readonly TimeProvider _clock;
        private readonly ILogger _logger;
        private readonly Guid _claim;
        private readonly Task _writing;

        public Marks(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger, Guid claim)
        {
            (_scopes, _clock, _logger, _claim) = (scopes, clock, logger, claim);
            _writing = Task.Run(WriteAsync);
        }

        public void Add(Guid momentId) => _queue.Writer.TryWrite(momentId);

        private async Task WriteAsync()
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
            var ids = new List<Guid>();
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (ids.Count < 2000 && _queue.Reader.TryRead(out var id)) ids.Add(id);
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await Mark(db, [.. ids], _claim, DiaryChannel.Push, _clock.GetUtcNow(), CancellationToken.None);
                        break;
                    }
                    catch (Exception e) when (attempt < 3)
                    {
                        _logger.LogWarning(e, "Marking {Count} diary prompts as sent failed; trying again", ids.Count);
                        await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
                    }
                    catch (Exception e)
                    {
                        // Left claimed: after the lease they are sent again (same Topic, so the push service replaces them).
                        _logger.LogError(e, "Marking {Count} diary prompts as sent failed", ids.Count);
                        break;
                    }
                }
                ids.Clear();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _queue.Writer.TryComplete();
            await _writing;
        }
    }

    /// <summary>
    /// A batch's claim while it is sending. Every third of <see cref="DiaryOptions.ClaimLease"/> it moves the lease of the
    /// batch's unsent moments forward; a renewal counts only if it finished before the lease it renews ran out (until then
    /// no other instance can have claimed any of them). <see cref="Lapsed"/> is cancelled, on the sender's clock, when the
    /// lease runs out without a renewal: from then on this instance starts no push for any of them. <see cref="Abandoned"/>
    /// follows a quarter lease later and cancels the pushes still under way (another instance may take over only half a
    /// lease after the lapse).
    /// </summary>
    private sealed class Lease : IAsyncDisposable
    {
        private readonly IServiceScopeFactory _scopes;
        private readonly TimeProvider _clock;
        private readonly TimeSpan _lease;
        private readonly ILogger _logger;
        private readonly Guid _claim;
        private readonly Guid[] _ids;
        private readonly CancellationTokenSource _lapsed;
        private readonly CancellationTokenSource _abandoned;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;
        private DateTimeOffset _until;

        public Lease(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan lease, ILogger logger, Guid claim, Guid[] ids, DateTimeOffset until)
        {
            (_scopes, _clock, _lease, _logger, _claim, _ids, _until) = (scopes, clock, lease, logger, claim, ids, until);
            _lapsed = new CancellationTokenSource(Remaining(until), clock);
            _abandoned = new CancellationTokenSource(Remaining(until) + lease / 4, clock);
            _renewing = RenewAsync();
        }

        public CancellationToken Lapsed => _lapsed.Token;
        public CancellationToken Abandoned => _abandoned.Token;

        private TimeSpan Remaining(DateTimeOffset until)
        {
            var left = until - _clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        private async Task RenewAsync()
        {
            var lease = _lease;
            var clock = _clock;
            try
            {
                while (!_stop.IsCancellationRequested && !_lapsed.IsCancellationRequested)
                {
                    await Task.Delay(lease / 3, clock, _stop.Token);
                    var asked = clock.GetUtcNow();
                    var next = asked + lease;
                    try
                    {
                        await using var scope = _scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<GemDbContext>().Set<DiaryMoment>()
                            .Where(m => _ids.Contains(m.Id) && m.ClaimedBy == _claim && m.SentAt == null) // by key: no scan for the claim
                            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, next), _stop.Token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        _logger.LogWarning(e, "Renewing a diary claim failed; trying again");
                        continue;
                    }
                    if (clock.GetUtcNow() >= _until) return; // too late: some moments may have been claimed by another instance
                    _until = next;
                    _lapsed.CancelAfter(Remaining(next));
                    _abandoned.CancelAfter(Remaining(next) + lease / 4);
                }
            }
            catch (OperationCanceledException)
            {
                // The batch is done.
            }
            catch (ObjectDisposedException)
            {
                // Lapsed and disposed while renewing.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            _lapsed.Dispose();
            _abandoned.Dispose();
        }
    }

    /// <summary>
    /// Claims a batch and returns its moments. Newest first: under overload the moments that just became due go out, with
    /// (nearly) all their time left, and those that cannot make it any more expire and are settled in bulk
    /// (<see cref="SettleExpiredAsync"/>); oldest first would send only prompts about to expire. On PostgreSQL the claimed
    /// rows come back from the UPDATE itself (<c>RETURNING</c>), so no second read by claim id.
    /// </summary>
    private async Task<List<DiaryMoment>> ClaimAsync(GemDbContext db, Guid claim, DateTimeOffset now, CancellationToken ct)
    {
        var o = options.Value;
        var until = now + o.ClaimLease;
        if (db.Database.IsNpgsql())
        {
            return await db.Set<DiaryMoment>().FromSqlInterpolated($"""
                UPDATE "DiaryMoments" SET "ClaimedBy" = {claim}, "ClaimedUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT m."Id" FROM "DiaryMoments" m JOIN "Diaries" d ON d."Id" = m."DiaryId"
                               WHERE m."SentAt" IS NULL AND m."PlannedAt" <= {now} AND m."ExpiresAt" > {now} AND d."StoppedAt" IS NULL
                                 AND (m."ClaimedUntil" IS NULL OR m."ClaimedUntil" <= {now - TakeoverGrace})
                               ORDER BY m."PlannedAt" DESC LIMIT {o.BatchSize} FOR UPDATE OF m SKIP LOCKED)
                RETURNING "DiaryMoments".*
                """).AsNoTracking().ToListAsync(ct);
        }
        var set = db.Set<DiaryMoment>();
        var stopped = db.Set<PersonalDiary>().Where(d => d.StoppedAt != null).Select(d => d.Id);
        var due = set.Where(m => m.SentAt == null && m.PlannedAt <= now && m.ExpiresAt > now && (m.ClaimedUntil == null || m.ClaimedUntil <= now - TakeoverGrace) && !stopped.Contains(m.DiaryId))
            .OrderByDescending(m => m.PlannedAt).Take(o.BatchSize).Select(m => m.Id);
        var claimed = await set.Where(m => due.Contains(m.Id) && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil <= now - TakeoverGrace))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return claimed == 0 ? [] : await set.AsNoTracking().Where(m => m.ClaimedBy == claim).ToListAsync(ct);
    }

    /// <summary>
    /// Moments that expired before any sender got to them (unclaimed, or their claim lapsed), settled in bulk as not sent:
    /// a <c>SentAt</c> and no channel, so they are neither pushed nor mailed, do not count as silent prompts, and leave the
    /// range of unsent moments the claim scans. At most every <see cref="SettleEvery"/> on the sender's clock.
    /// </summary>
    private async Task SettleExpiredAsync(GemDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        if (now - _lastSettle < SettleEvery) return;
        _lastSettle = now;
        if (db.Database.IsNpgsql())
        {
            // SKIP LOCKED: never waits for (or deadlocks with) another instance's claim or settle.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE "DiaryMoments" SET "SentAt" = {now}, "Channel" = {(int)DiaryChannel.None}, "ClaimedBy" = NULL, "ClaimedUntil" = NULL
                WHERE "Id" IN (SELECT "Id" FROM "DiaryMoments"
                               WHERE "SentAt" IS NULL AND "PlannedAt" <= {now} AND "ExpiresAt" <= {now}
                                 AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" <= {now - TakeoverGrace})
                               FOR UPDATE SKIP LOCKED)
                """, ct);
            return;
        }
        await db.Set<DiaryMoment>().Where(m => m.SentAt == null && m.PlannedAt <= now && m.ExpiresAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil <= now - TakeoverGrace))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, now).SetProperty(m => m.Channel, DiaryChannel.None)
                .SetProperty(m => m.ClaimedBy, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>
    /// How long after a claim's lease ran out another instance may take its moments over (half a lease). The owner stops
    /// starting pushes when the lease lapses and cancels those under way a quarter lease later; the rest of the margin is
    /// for writing their marks. Without it, a push the service accepted just as the lease lapsed went out a second time.
    /// </summary>
    private TimeSpan TakeoverGrace => options.Value.ClaimLease / 2;

    /// <summary>How often (sender's clock) expired unsent moments are settled.</summary>
    private static readonly TimeSpan SettleEvery = TimeSpan.FromSeconds(30);

    /// <summary>One reminder halfway to expiry for a prompt not opened, answered or skipped; claimed by setting its time (at most once).</summary>
    private async Task<int> RemindAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid();
        var o = options.Value;
        // Halfway: PlannedAt + (ExpiresAt − PlannedAt)/2 ≤ now  ⇔  PlannedAt + ExpiresAt ≤ 2·now; compared as "expires within half the expiry".
        var half = TimeSpan.FromMinutes(o.ExpiryMinutes / 2.0);
        var set = db.Set<DiaryMoment>();
        var due = set.Where(m => m.SentAt != null && m.ReminderAt == null && m.OpenedAt == null && m.AnsweredAt == null && m.SkippedAt == null
                                 && m.ExpiresAt > now && m.ExpiresAt <= now + half && m.ClaimedBy == null)
            .OrderBy(m => m.ExpiresAt).Take(o.BatchSize).Select(m => m.Id);
        // The outer conditions are checked again on the row itself (PostgreSQL re-reads a row it waited for), so two
        // instances never both claim one reminder.
        var claimed = await set.Where(m => due.Contains(m.Id) && m.ReminderAt == null && m.ClaimedBy == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ReminderAt, now).SetProperty(m => m.ClaimedBy, claim), ct);
        if (claimed == 0) return 0;
        var moments = await db.Set<DiaryMoment>().AsNoTracking().Where(m => m.ClaimedBy == claim).ToListAsync(ct);
        var owners = moments.Select(m => m.OwnerId).Distinct().ToList();
        var subscriptions = (await db.Set<DiaryPushSubscription>().AsNoTracking().Where(s => owners.Contains(s.OwnerId)).ToListAsync(ct)).ToLookup(s => s.OwnerId);
        var contacts = await DiaryPromptChannel.ContactsAsync(db, owners, ct);
        // As many pushes at a time as for the prompts themselves.
        await Parallel.ForEachAsync(moments.Where(m => m.Channel == DiaryChannel.Push),
            new ParallelOptions { MaxDegreeOfParallelism = o.Parallelism, CancellationToken = ct }, async (moment, token) =>
            {
                var left = moment.ExpiresAt - clock.GetUtcNow();
                if (left <= TimeSpan.Zero) return; // expired while the reminders before it went out
                foreach (var s in subscriptions[moment.OwnerId])
                    await push.SendAsync(s, Payload(moment, reminder: true), Topic(moment), left, token);
            });
        // The reminder goes the way the prompt went.
        foreach (var moment in moments.Where(m => m.Channel is DiaryChannel.Mail or DiaryChannel.Sms))
        {
            if (contacts.TryGetValue(moment.OwnerId, out var contact)) await _fallback.QueueAsync(db, moment, contact, moment.Channel, now, reminder: true, CancellationToken.None);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        await db.Set<DiaryMoment>().Where(m => m.ClaimedBy == claim).ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, (Guid?)null), CancellationToken.None);
        return moments.Count;
    }

    /// <summary>
    /// After two silent prompts in a row (sent, then by expiry not delivered, opened, answered or skipped) the person
    /// hears it once: a mail and a notice on the diary page saying notifications seem not to arrive and what to do.
    /// </summary>
    private async Task<int> NoticeSilenceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - _lastNoticeCheck < TimeSpan.FromSeconds(30)) return 0;
        // Only diaries with a prompt that expired since the last look (a few minutes' margin; two hours back after a
        // start): the last two prompts change only when one expires. Looking at every recent diary each time cost a
        // query per diary every 30 seconds, tens of thousands in a region where many never confirm delivery.
        var since = now - TimeSpan.FromHours(2);
        if (_lastNoticeCheck - TimeSpan.FromMinutes(5) is { } margin && margin > since) since = margin;
        _lastNoticeCheck = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        var candidates = await db.Set<DiaryMoment>()
            .Where(m => m.SentAt != null && m.Channel != DiaryChannel.None && !m.IsTest && m.ExpiresAt <= now && m.ExpiresAt > since
                        && m.DeliveredAt == null && m.OpenedAt == null && m.AnsweredAt == null && m.SkippedAt == null)
            .Join(db.Set<PersonalDiary>().Where(d => d.SilentNoticeAt == null && d.StoppedAt == null), m => m.DiaryId, d => d.Id, (m, d) => d.Id)
            .Distinct().ToListAsync(ct);
        var silent = new List<Guid>();
        foreach (var chunk in candidates.Chunk(500))
        {
            // The prompts that went out and expired, of 500 diaries at a time (a diary has at most a few dozen).
            var sent = await db.Set<DiaryMoment>().AsNoTracking()
                .Where(m => chunk.Contains(m.DiaryId) && !m.IsTest && m.SentAt != null && m.Channel != DiaryChannel.None && m.ExpiresAt <= now)
                .ToListAsync(ct);
            silent.AddRange(sent.GroupBy(m => m.DiaryId)
                .Where(g => g.OrderByDescending(m => m.PlannedAt).Take(2).Count(m => m.IsSilent(now)) == 2)
                .Select(g => g.Key));
        }
        var noticed = 0;
        foreach (var diaryId in silent)
        {
            var diary = await db.Set<PersonalDiary>().FirstAsync(d => d.Id == diaryId, ct);
            var to = await db.Users.Where(u => u.Id == diary.OwnerId).Select(u => u.Email).FirstOrDefaultAsync(ct);
            // The notice time is the claim: the conditional UPDATE and the mail go in one transaction.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.Set<PersonalDiary>().Where(d => d.Id == diaryId && d.SilentNoticeAt == null).ExecuteUpdateAsync(u => u.SetProperty(d => d.SilentNoticeAt, now), ct) == 0) continue;
            if (to is not null)
            {
                var link = mail.Value.PublicBaseUrl.TrimEnd('/') + "/mijn/dagboek";
                db.QueueText(now, $"diary.silent.{diaryId:N}.{now.ToUnixTimeSeconds()}", to, "Je dagboek: meldingen lijken niet aan te komen",
                    $"Hoi,\n\nDe laatste twee vragen van je dagboek lijken niet bij je aan te komen. Dat ligt meestal aan de instellingen van je telefoon " +
                    $"(meldingen uit, stil-modus, of batterijbesparing).\n\nWat je kunt doen: open {link} en kies 'Stuur een testmelding'. " +
                    "Komt die niet aan? Zet dan meldingen voor deze site aan, of kies voor vragen per e-mail.\n\nOp een iPhone werkt het alleen als je Gem eerst op je beginscherm zet.\n\nGroet,\nGem");
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            noticed++;
        }
        return noticed;
    }

    private static string Topic(DiaryMoment m) => m.Id.ToString("N");

    /// <summary>What the service worker gets: the text to show, the link to open, the tag (one notification per moment).</summary>
    public static string Payload(DiaryMoment m, bool reminder) => JsonSerializer.Serialize(new
    {
        title = reminder ? "Nog even? Je dagboek" : "Je dagboek: hoe gaat het nu?",
        body = reminder ? "Je vraag staat nog open. Het kost ongeveer een minuut." : "Een korte vraag over dit moment. Het kost ongeveer een minuut.",
        url = "/dagboek/m/" + m.Token,
        tag = m.Id.ToString("N"),
        token = m.Token,
    });
}
