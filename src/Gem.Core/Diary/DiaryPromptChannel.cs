using System.Globalization;
using Gem.Core.Data;
using Gem.Core.Mail;
using Gem.Core.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Core.Diary;

/// <summary>How a person can be reached when no browser took a prompt: their mail address, and their phone if they chose SMS.</summary>
public sealed record DiaryContact(string? Email, string? SmsPhone);

/// <summary>
/// The channel of a prompt (or its reminder) that could not go as Web Push: SMS when the person chose it and the account
/// has their phone number, otherwise mail, otherwise none. Kept apart from <see cref="DiaryPromptSender"/>'s claim → send
/// → mark loop: the sender only asks <see cref="Choose"/> and <see cref="Queue"/>, inside its own transaction with the mark.
/// An SMS goes through the SMS outbox as a row with the moment's id; <see cref="DiaryPromptSms"/> writes the text when it
/// is sent (and sends nothing once the moment is answered, skipped or its link is dead).
/// </summary>
public sealed class DiaryPromptChannel(IOptions<MailOptions> mail)
{
    public static async Task<Dictionary<Guid, DiaryContact>> ContactsAsync(GemDbContext db, IReadOnlyCollection<Guid> owners, CancellationToken ct)
    {
        var bySms = db.Set<DiarySmsChoice>().Select(c => c.OwnerId);
        return await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, Phone = bySms.Contains(u.Id) ? u.PhoneNumber : null })
            .ToDictionaryAsync(u => u.Id, u => new DiaryContact(u.Email, u.Phone), ct);
    }

    public static DiaryChannel Choose(DiaryContact? contact) =>
        contact?.SmsPhone is not null ? DiaryChannel.Sms : contact?.Email is not null ? DiaryChannel.Mail : DiaryChannel.None;

    /// <summary>Queues the prompt (or reminder) on <paramref name="channel"/> in this context, once per key; written with the caller's SaveChanges.</summary>
    public async Task QueueAsync(GemDbContext db, DiaryMoment m, DiaryContact contact, DiaryChannel channel, DateTimeOffset now, bool reminder, CancellationToken ct)
    {
        var key = Key(m, reminder);
        if (channel == DiaryChannel.Sms && contact.SmsPhone is { } phone)
        {
            if (!await db.Set<SmsMessage>().AnyAsync(s => s.Key == key, ct))
                SmsMessage.Queue(db, new SmsMessage { Key = key, Kind = reminder ? DiaryPromptSms.ReminderKind : DiaryPromptSms.PromptKind, To = phone, Body = m.Id.ToString("N") }, now);
        }
        else if (channel == DiaryChannel.Mail && contact.Email is { } to)
        {
            if (!await db.Set<OutboxMessage>().AnyAsync(o => o.Key == key, ct)) QueueMail(db, m, to, now, reminder);
        }
    }

    /// <summary>The outbox key of a moment's prompt or reminder (mail and SMS alike; erasure removes them by it).</summary>
    public static string Key(DiaryMoment m, bool reminder) => Key(m.Id, reminder);
    public static string Key(Guid momentId, bool reminder) => $"diary.{momentId:N}{(reminder ? ".r" : "")}";

    public static string Until(DiaryMoment m) => TimeZoneInfo.ConvertTime(m.ExpiresAt, LocalTime.Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    private void QueueMail(GemDbContext db, DiaryMoment m, string to, DateTimeOffset now, bool reminder)
    {
        var link = mail.Value.PublicBaseUrl.TrimEnd('/') + "/dagboek/m/" + m.Token;
        db.QueueText(now, Key(m, reminder), to, reminder ? "Nog even? Je dagboek" : "Je dagboek: hoe gaat het nu?",
            $"Hoi,\n\nHoe gaat het nu? Een korte vraag over dit moment; het kost ongeveer een minuut.\n\n{link}\n\n" +
            $"Graag vóór {Until(m)}. Geen tijd? Kies daar 'Niet nu'; dat telt niet als gemist.\n\nGroet,\nGem");
    }
}

/// <summary>The text of a diary prompt or reminder by SMS, built when it is sent: the one-time link and the time, no health words.</summary>
public sealed class DiaryPromptSms(IOptions<MailOptions> mail, TimeProvider clock) : ISmsRenderer
{
    public const string PromptKind = "diary.prompt";
    public const string ReminderKind = "diary.reminder";

    public bool Handles(string kind) => kind is PromptKind or ReminderKind;

    public async Task<string?> RenderAsync(GemDbContext db, SmsMessage row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        if (!Guid.TryParseExact(row.Body, "N", out var id)) return null;
        var m = await db.Set<DiaryMoment>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        // Answered, skipped, or its link no longer opens: nothing to ask any more.
        if (m is null || m.AnsweredAt is not null || m.SkippedAt is not null || m.PlannedAt + DiaryService.LinkLifetime < clock.GetUtcNow()) return null;
        if (row.Kind == ReminderKind && m.OpenedAt is not null) return null;
        var link = mail.Value.PublicBaseUrl.TrimEnd('/') + "/dagboek/m/" + m.Token;
        return (row.Kind == ReminderKind ? "Gem: je vraag staat nog open. " : "Gem: hoe gaat het nu? Een korte vraag, ongeveer een minuut. ")
               + $"{link} Graag voor {DiaryPromptChannel.Until(m)}. Geen tijd? Kies 'Niet nu'.";
    }
}
