using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gem.Core.Groups;

/// <summary>
/// The mails a person gets about an enrolment: a confirmation and a reminder the day before, each with an .ics and
/// one-click links. Queuing writes only a reference to the outbox (cheap, inside the enrolment's transaction); the
/// message is built here when the outbox sender delivers it (decision 601).
/// </summary>
public sealed class EnrolmentMail(IOptions<MailOptions> options) : IOutboxRenderer
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    public const string ConfirmationKind = "enrolment.confirm";
    public const string ReminderKind = "enrolment.reminder";

    /// <summary>Queues the confirmation of a new enrolment (with an e-mail address) in the caller's SaveChanges.</summary>
    public static void QueueConfirmation(GemDbContext db, Enrolment e, DateTimeOffset now)
    {
        if (e.Email is null) return; // reached by phone: the group calls or texts
        db.Queue(new OutboxMessage { Key = $"confirm.{e.Id:N}", Kind = ConfirmationKind, To = e.Email, ToName = Outbox.OneLine(e.Name), EnrolmentId = e.Id, SessionId = e.SessionId }, now);
    }

    /// <summary>Queues the reminder for one session; its key (and Message-Id) is fixed per enrolment and session.</summary>
    public static void QueueReminder(GemDbContext db, Enrolment e, Guid sessionId, DateTimeOffset now) =>
        db.Queue(new OutboxMessage { Key = ReminderKey(e.Id, sessionId), Kind = ReminderKind, To = e.Email!, ToName = Outbox.OneLine(e.Name), EnrolmentId = e.Id, SessionId = sessionId }, now);

    public static string ReminderKey(Guid enrolmentId, Guid sessionId) => $"reminder.{enrolmentId:N}.{sessionId:N}";

    public bool Handles(string kind) => kind is ConfirmationKind or ReminderKind;

    /// <summary>Builds the mail from the enrolment as it is now; none when the enrolment or session is gone, or the person cancelled.</summary>
    public async Task<MimeMessage?> RenderAsync(GemDbContext db, OutboxMessage row, CancellationToken ct)
    {
        var e = await db.Enrolments.AsNoTracking().Include(x => x.Offer).FirstOrDefaultAsync(x => x.Id == row.EnrolmentId, ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == row.SessionId, ct);
        if (e is null || session is null || e.Email is null || e.Status == EnrolmentStatus.Cancelled) return null;
        if (row.Kind == ReminderKind && e.Status != EnrolmentStatus.Active) return null;
        return row.Kind == ConfirmationKind
            ? Build(e, session, "Je bent aangemeld", intro: "Fijn dat je komt! Je bent aangemeld voor:")
            : Build(e, session, "Morgen: " + e.Offer!.Name, intro: "Een herinnering: morgen is er weer");
    }

    private MimeMessage Build(Enrolment e, Session session, string subject, string intro)
    {
        var offer = e.Offer!;
        var name = MailText.OneLine(e.Name);
        var offerName = MailText.OneLine(offer.Name);
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var when = TimeZoneInfo.ConvertTime(session.Start, LocalTime.Zone).ToString("dddd d MMMM 'om' HH:mm", Dutch);
        var where = MailText.OneLine(offer.IsOnline ? "online: " + (session.OnlineUrl ?? offer.OnlineUrl) : session.Place ?? $"{offer.Address}, {offer.Pc4} {offer.City}");
        var manage = $"{baseUrl}/groups/enrolment/{e.Token}";
        var pause = offer.FlowPolicy == FlowPolicy.Rolling ? $"Even pauzeren? Dat kan hier, je plek blijft: {manage}\n" : "";
        var body = $"""
            Hoi {name},

            {intro}
            {offerName}
            {when}, {where}

            Kun je niet? Zeg het hier, dan is je plek vrij voor een ander: {manage}
            {pause}
            Je eigen agenda-link: {baseUrl}/calendar/me/{e.Token}.ics

            Direct hulp nodig? Bel 113 (0800-0113), je huisarts of de huisartsenpost. Bij direct gevaar: 112.

            (English: you are signed up for {offerName} on {session.Start.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} UTC. Can't come? {manage})
            """;
        var message = new MimeMessage { Subject = MailText.OneLine(subject) };
        message.To.Add(new MailboxAddress(name, e.Email!));
        var builder = new BodyBuilder { TextBody = body };
        builder.Attachments.Add("sessie.ics", System.Text.Encoding.UTF8.GetBytes(GroupCalendar.Write(offer.Name, [(session, offer)])), new ContentType("text", "calendar"));
        message.Body = builder.ToMessageBody();
        return message;
    }
}
