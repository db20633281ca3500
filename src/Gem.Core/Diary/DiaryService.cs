using System.Security.Cryptography;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Core.Diary;

/// <summary>What the person chooses when starting or changing a diary.</summary>
public sealed record DiaryInput(int Days, TimeOnly WakeFrom, TimeOnly WakeUntil, int PerDay, int MinGapMinutes);

/// <summary>
/// One answer to a moment: five mood sliders (1–7), the context, "rather something else" and an optional word. A study's
/// moment asks only the study's items (decision 804): the others are null, and <see cref="Validate"/> is told which were asked.
/// </summary>
public sealed record DiaryAnswer(int? Cheerful, int? Down, int? Anxious, int? Relaxed, int? Irritated, DiaryPlace? Place, DiaryCompany? Company, DiaryActivity? Activity, bool? RatherElse, string? Word)
{
    public const int Min = 1, Max = 7, MaxWord = 40;

    /// <summary>Errors by field; <paramref name="asked"/> = the item ids on the form (<see cref="Research.DiaryStudyProtocols.OwnItems"/>), null = all of them.</summary>
    public IDictionary<string, string[]> Validate(IReadOnlyCollection<string>? asked = null)
    {
        bool Asked(string item) => asked is null || asked.Contains(item, StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { (nameof(Cheerful), Cheerful), (nameof(Down), Down), (nameof(Anxious), Anxious), (nameof(Relaxed), Relaxed), (nameof(Irritated), Irritated) })
            if (Asked(JsonName(name)) ? value is not (>= Min and <= Max) : value is not null) errors[name] = [$"Between {Min} and {Max}."];
        if (Asked("place") ? Place is not { } p || !Enum.IsDefined(p) : Place is not null) errors[nameof(Place)] = ["Choose where you are."];
        if (Asked("company") ? Company is not { } c || !Enum.IsDefined(c) : Company is not null) errors[nameof(Company)] = ["Choose who you are with."];
        if (Asked("activity") ? Activity is not { } a || !Enum.IsDefined(a) : Activity is not null) errors[nameof(Activity)] = ["Choose what you are doing."];
        if (Word is { Length: > MaxWord }) errors[nameof(Word)] = [$"At most {MaxWord} characters."];
        return errors;
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}

public enum MomentOutcome { Saved, SavedLate, AlreadyDone, Gone }

/// <summary>
/// The person's diary: start, change, stop, a test prompt, the moment behind a one-time link (opened, delivered,
/// answered, "niet nu") and the browser subscriptions. Each state change is one conditional UPDATE, so a double submit
/// or two devices cannot answer a moment twice.
/// </summary>
public sealed class DiaryService(GemDbContext db, TimeProvider clock, IOptions<DiaryOptions> options)
{
    /// <summary>How long after its planned time a moment's link still opens (late answers are kept, flagged).</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    public DiaryInput Defaults()
    {
        var o = options.Value;
        return new DiaryInput(o.DefaultDays, o.DefaultWakeFrom, o.DefaultWakeUntil, o.DefaultPerDay, o.DefaultMinGapMinutes);
    }

    /// <summary>The person's latest diary, running or not.</summary>
    public Task<PersonalDiary?> CurrentAsync(Guid ownerId, CancellationToken ct = default) =>
        db.Set<PersonalDiary>().AsNoTracking().Where(d => d.OwnerId == ownerId).OrderByDescending(d => d.StartedAt).FirstOrDefaultAsync(ct);

    /// <summary>Running: not stopped and its last window not yet over.</summary>
    public bool IsRunning(PersonalDiary diary) =>
        diary.StoppedAt is null && clock.GetUtcNow() < DiaryScheduler.ToUtc(diary.FirstDay.AddDays(diary.Days - 1), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(diary.WakeUntilMinutes)), LocalTime.Zone);

    public Task<PersonalDiary> StartAsync(Guid ownerId, DiaryInput input, CancellationToken ct = default) =>
        StartAsync(ownerId, input, options.Value.ExpiryMinutes, null, ct);

    /// <summary>Starts a diary with its own expiry; <paramref name="alongside"/> adds rows saved in the same SaveChanges (a study's opt-in).</summary>
    internal async Task<PersonalDiary> StartAsync(Guid ownerId, DiaryInput input, int expiryMinutes, Action<PersonalDiary>? alongside, CancellationToken ct)
    {
        if (await CurrentAsync(ownerId, ct) is { } running && IsRunning(running)) throw new ConflictException("A diary is already running.");
        var now = clock.GetUtcNow();
        var diary = new PersonalDiary
        {
            OwnerId = ownerId, StartedAt = now, FirstDay = LocalTime.Day(now), Seed = RandomNumberGenerator.GetInt32(int.MaxValue),
            ExpiryMinutes = expiryMinutes,
        };
        Apply(diary, input);
        db.Set<PersonalDiary>().Add(diary);
        AddMoments(diary, now);
        alongside?.Invoke(diary);
        await db.SaveChangesAsync(ct);
        return diary;
    }

    /// <summary>New window, days or moments for the running diary: what is not sent yet is planned again from now, with the same seed.</summary>
    public async Task<PersonalDiary> ChangeAsync(Guid ownerId, DiaryInput input, CancellationToken ct = default)
    {
        var diary = await db.Set<PersonalDiary>().Where(d => d.OwnerId == ownerId).OrderByDescending(d => d.StartedAt).FirstOrDefaultAsync(ct);
        if (diary is null || !IsRunning(diary)) throw new NotFoundException("No running diary.");
        var now = clock.GetUtcNow();
        Apply(diary, input);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await UnsentAsync(diary.Id, now).ExecuteDeleteAsync(ct);
        AddMoments(diary, now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return diary;
    }

    public async Task StopAsync(Guid ownerId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var diary = await db.Set<PersonalDiary>().Where(d => d.OwnerId == ownerId && d.StoppedAt == null).OrderByDescending(d => d.StartedAt).FirstOrDefaultAsync(ct)
                    ?? throw new NotFoundException("No running diary.");
        diary.StoppedAt = now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await UnsentAsync(diary.Id, now).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A prompt right now, to see that notifications arrive (setup ends with one). Not part of the figures.</summary>
    public async Task<DiaryMoment> TestPromptAsync(Guid ownerId, CancellationToken ct = default)
    {
        var diary = await CurrentAsync(ownerId, ct) ?? throw new NotFoundException("No diary.");
        var now = clock.GetUtcNow();
        var moment = new DiaryMoment
        {
            DiaryId = diary.Id, OwnerId = ownerId, Day = -1, PlannedAt = now, ExpiresAt = now.AddMinutes(diary.ExpiryMinutes), IsTest = true,
        };
        db.Set<DiaryMoment>().Add(moment);
        await db.SaveChangesAsync(ct);
        return moment;
    }

    /// <summary>Moments not handed to a sender yet (unclaimed or with a lapsed claim), planned after <paramref name="now"/>.</summary>
    private IQueryable<DiaryMoment> UnsentAsync(Guid diaryId, DateTimeOffset now) =>
        db.Set<DiaryMoment>().Where(m => m.DiaryId == diaryId && m.SentAt == null && !m.IsTest && m.PlannedAt > now && (m.ClaimedUntil == null || m.ClaimedUntil <= now));

    private static void Apply(PersonalDiary diary, DiaryInput input)
    {
        diary.Days = input.Days;
        diary.WakeFromMinutes = (int)input.WakeFrom.ToTimeSpan().TotalMinutes;
        diary.WakeUntilMinutes = (int)input.WakeUntil.ToTimeSpan().TotalMinutes;
        diary.PerDay = input.PerDay;
        diary.MinGapMinutes = input.MinGapMinutes;
        var errors = diary.Schedule().Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private void AddMoments(PersonalDiary diary, DateTimeOffset now)
    {
        foreach (var m in DiaryScheduler.Plan(diary.Schedule(), now))
        {
            db.Set<DiaryMoment>().Add(new DiaryMoment
            {
                DiaryId = diary.Id, OwnerId = diary.OwnerId, Day = m.Day, PlannedAt = m.At, ExpiresAt = m.At.AddMinutes(diary.ExpiryMinutes),
            });
        }
    }

    /// <summary>The moment behind a link, while the link lives; null for an unknown or dead link.</summary>
    public async Task<DiaryMoment?> FindAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length != 32) return null;
        var now = clock.GetUtcNow();
        var moment = await db.Set<DiaryMoment>().AsNoTracking().FirstOrDefaultAsync(m => m.Token == token, ct);
        return moment is null || moment.PlannedAt + LinkLifetime < now ? null : moment;
    }

    /// <summary>The link was opened (GET of the form, or a tap on the notification).</summary>
    public Task OpenedAsync(string token, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.Set<DiaryMoment>().Where(m => m.Token == token && m.OpenedAt == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.OpenedAt, now), ct);
    }

    /// <summary>The browser's service worker received the push and showed it. True when the link is known.</summary>
    public async Task<bool> DeliveredAsync(string token, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (token.Length != 32) return false;
        await db.Set<DiaryMoment>().Where(m => m.Token == token && m.DeliveredAt == null).ExecuteUpdateAsync(u => u.SetProperty(m => m.DeliveredAt, now), ct);
        return await db.Set<DiaryMoment>().AnyAsync(m => m.Token == token, ct);
    }

    public Task<MomentOutcome> AnswerAsync(string token, DiaryAnswer answer, CancellationToken ct = default) =>
        AnswerAsync(token, answer, null, null, ct);

    /// <summary>
    /// Saves the answer once (a conditional UPDATE); a study's moment passes the items it asked and the extra items'
    /// values, which are stored in the same transaction.
    /// </summary>
    public async Task<MomentOutcome> AnswerAsync(string token, DiaryAnswer answer, IReadOnlyCollection<string>? asked, IReadOnlyDictionary<string, int>? extra, CancellationToken ct = default)
    {
        var errors = answer.Validate(asked);
        foreach (var (item, value) in extra ?? new Dictionary<string, int>())
            if (value is < DiaryAnswer.Min or > DiaryAnswer.Max) errors["extra-" + item] = [$"Between {DiaryAnswer.Min} and {DiaryAnswer.Max}."];
        if (errors.Count > 0) throw new ValidationException(errors);
        if (await FindAsync(token, ct) is not { } moment) return MomentOutcome.Gone;
        var now = clock.GetUtcNow();
        var late = now > moment.ExpiresAt;
        var word = string.IsNullOrWhiteSpace(answer.Word) ? null : answer.Word.Trim();
        await using var tx = extra is { Count: > 0 } ? await db.Database.BeginTransactionAsync(ct) : null;
        var saved = await db.Set<DiaryMoment>().Where(m => m.Id == moment.Id && m.AnsweredAt == null && m.SkippedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.AnsweredAt, now).SetProperty(m => m.Late, late)
                .SetProperty(m => m.OpenedAt, m => m.OpenedAt ?? now)
                .SetProperty(m => m.Cheerful, answer.Cheerful).SetProperty(m => m.Down, answer.Down).SetProperty(m => m.Anxious, answer.Anxious)
                .SetProperty(m => m.Relaxed, answer.Relaxed).SetProperty(m => m.Irritated, answer.Irritated)
                .SetProperty(m => m.Place, answer.Place).SetProperty(m => m.Company, answer.Company).SetProperty(m => m.Activity, answer.Activity)
                .SetProperty(m => m.RatherElse, answer.RatherElse).SetProperty(m => m.Word, word), ct);
        if (saved == 0) return MomentOutcome.AlreadyDone;
        if (tx is not null)
        {
            foreach (var (item, value) in extra!)
                db.Set<Research.DiaryExtraAnswer>().Add(new Research.DiaryExtraAnswer { MomentId = moment.Id, ItemId = item, OwnerId = moment.OwnerId, Value = value });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return late ? MomentOutcome.SavedLate : MomentOutcome.Saved;
    }

    /// <summary>"Niet nu": seen, not answered, not counted as missed.</summary>
    public async Task<MomentOutcome> SkipAsync(string token, CancellationToken ct = default)
    {
        if (await FindAsync(token, ct) is not { } moment) return MomentOutcome.Gone;
        var now = clock.GetUtcNow();
        var saved = await db.Set<DiaryMoment>().Where(m => m.Id == moment.Id && m.AnsweredAt == null && m.SkippedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SkippedAt, now).SetProperty(m => m.OpenedAt, m => m.OpenedAt ?? now), ct);
        return saved == 0 ? MomentOutcome.AlreadyDone : MomentOutcome.Saved;
    }

    /// <summary>Keeps a browser's subscription (one row per endpoint); a new subscription also clears the "prompts do not arrive" notice.</summary>
    public async Task SubscribeAsync(Guid ownerId, string endpoint, string p256dh, string auth, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)) || endpoint.Length > 1000)
            errors["endpoint"] = ["An https address of a push service."];
        if (!IsBase64Url(p256dh, 65)) errors["p256dh"] = ["The browser's P-256 public key (65 bytes, base64url)."];
        if (!IsBase64Url(auth, 16)) errors["auth"] = ["The browser's 16-byte auth secret (base64url)."];
        if (errors.Count > 0) throw new ValidationException(errors);
        var now = clock.GetUtcNow();
        await db.Set<DiaryPushSubscription>().Where(s => s.Endpoint == endpoint).ExecuteDeleteAsync(ct);
        db.Set<DiaryPushSubscription>().Add(new DiaryPushSubscription { OwnerId = ownerId, Endpoint = endpoint, P256dh = p256dh, Auth = auth, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await db.Set<PersonalDiary>().Where(d => d.OwnerId == ownerId && d.SilentNoticeAt != null).ExecuteUpdateAsync(u => u.SetProperty(d => d.SilentNoticeAt, (DateTimeOffset?)null), ct);
    }

    public Task<int> SubscriptionCountAsync(Guid ownerId, CancellationToken ct = default) =>
        db.Set<DiaryPushSubscription>().CountAsync(s => s.OwnerId == ownerId, ct);

    public Task UnsubscribeAllAsync(Guid ownerId, CancellationToken ct = default) =>
        db.Set<DiaryPushSubscription>().Where(s => s.OwnerId == ownerId).ExecuteDeleteAsync(ct);

    public Task<List<DiaryMoment>> MomentsAsync(Guid diaryId, CancellationToken ct = default) =>
        db.Set<DiaryMoment>().AsNoTracking().Where(m => m.DiaryId == diaryId).OrderBy(m => m.PlannedAt).ToListAsync(ct);

    private static bool IsBase64Url(string? text, int bytes)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200) return false;
        try
        {
            return System.Buffers.Text.Base64Url.DecodeFromChars(text.TrimEnd('=')).Length == bytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
