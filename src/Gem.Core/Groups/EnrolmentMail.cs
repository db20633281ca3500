using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gem.Core.Groups;

/// <summary>
/// The mails a person gets about an enrolment: a confirmation and a reminder the day before (METHOD:PUBLISH .ics), and
/// a cancellation (METHOD:CANCEL, same UIDs, next SEQUENCE) when they cancel or the group calls sessions off. Queuing
/// writes only a reference to the outbox (cheap, inside the change's transaction); the message is built here when the
/// outbox sender delivers it (decision 601).
/// </summary>
public sealed class EnrolmentMail(IOptions<MailOptions> options, TimeProvider clock) : IOutboxRenderer
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    public const string ConfirmationKind = "enrolment.confirm";
    public const string ReminderKind = "enrolment.reminder";
    public const string CancelledKind = "enrolment.cancelled";
    public const string CalledOffKind = "enrolment.calledoff";

    /// <summary>Queues the confirmation of a new enrolment in the caller's SaveChanges: by mail, or by SMS when a phone number is the only contact.</summary>
    public static void QueueConfirmation(GemDbContext db, Enrolment e, DateTimeOffset now)
    {
        if (e.Email is null)
        {
            EnrolmentSms.QueueConfirmation(db, e, now);
            return;
        }
        db.Queue(new OutboxMessage { Key = $"confirm.{e.Id:N}", Kind = ConfirmationKind, To = e.Email, ToName = Outbox.OneLine(e.Name), EnrolmentId = e.Id, SessionId = e.SessionId }, now);
    }

    /// <summary>Queues the reminder for one session; its key (and Message-Id) is fixed per enrolment and session.</summary>
    public static void QueueReminder(GemDbContext db, Enrolment e, Guid sessionId, DateTimeOffset now) =>
        db.Queue(new OutboxMessage { Key = ReminderKey(e.Id, sessionId), Kind = ReminderKind, To = e.Email!, ToName = Outbox.OneLine(e.Name), EnrolmentId = e.Id, SessionId = sessionId }, now);

    public static string ReminderKey(Guid enrolmentId, Guid sessionId) => $"reminder.{enrolmentId:N}.{sessionId:N}";

    /// <summary>
    /// Queues the cancellation of <paramref name="sessions"/> in the person's calendar; <paramref name="byStaff"/>: the
    /// group called them off, not the person. The session ids travel in the row's body, one per line.
    /// </summary>
    public static void QueueCancellation(GemDbContext db, Enrolment e, IReadOnlyCollection<Session> sessions, bool byStaff, DateTimeOffset now)
    {
        if (e.Email is null || sessions.Count == 0) return;
        var ids = sessions.Select(s => s.Id.ToString("N")).ToList();
        db.Queue(new OutboxMessage
        {
            Key = $"cancel.{e.Id:N}.{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(string.Join(',', ids))))[..16].ToLowerInvariant()}",
            Kind = byStaff ? CalledOffKind : CancelledKind, To = e.Email, ToName = Outbox.OneLine(e.Name), EnrolmentId = e.Id,
            Body = string.Join('\n', ids),
        }, now);
    }

    public bool Handles(string kind) => kind is ConfirmationKind or ReminderKind or CancelledKind or CalledOffKind;

    /// <summary>Builds the mail from the enrolment as it is now; none when the enrolment or session is gone, or the person cancelled.</summary>
    public async Task<MimeMessage?> RenderAsync(GemDbContext db, OutboxMessage row, CancellationToken ct)
    {
        if (row.Kind is CancelledKind or CalledOffKind) return await RenderCancellationAsync(db, row, ct);
        var e = await db.Enrolments.AsNoTracking().Include(x => x.Offer).FirstOrDefaultAsync(x => x.Id == row.EnrolmentId, ct);
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == row.SessionId, ct);
        if (e is null || session is null || e.Email is null || e.Status == EnrolmentStatus.Cancelled) return null;
        if (row.Kind == ReminderKind && e.Status != EnrolmentStatus.Active) return null;
        return row.Kind == ConfirmationKind
            ? Build(e, session, "Je bent aangemeld", intro: "Fijn dat je komt! Je bent aangemeld voor:")
            : Build(e, session, "Morgen: " + e.Offer!.Name, intro: "Een herinnering: morgen is er weer");
    }

    private async Task<MimeMessage?> RenderCancellationAsync(GemDbContext db, OutboxMessage row, CancellationToken ct)
    {
        // The offer may be archived by now (hidden by the query filter): the person is still told.
        var e = await db.Enrolments.IgnoreQueryFilters().AsNoTracking().Include(x => x.Offer).FirstOrDefaultAsync(x => x.Id == row.EnrolmentId, ct);
        var ids = (row.Body ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var sessions = await db.Sessions.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        if (e?.Email is null || e.Offer is null || sessions.Count == 0) return null;
        var byStaff = row.Kind == CalledOffKind;
        var offer = e.Offer;
        var offerName = MailText.OneLine(offer.Name);
        var dates = string.Join("\n", sessions.OrderBy(s => s.Start)
            .Select(s => TimeZoneInfo.ConvertTime(s.Start, LocalTime.Zone).ToString("dddd d MMMM 'om' HH:mm", Dutch)));
        var intro = byStaff
            ? $"Helaas gaat {offerName} niet door op:"
            : $"Je hebt je afgemeld voor {offerName}. Deze afspraken zijn uit je agenda gehaald:";
        var body = $"""
            Hoi {MailText.OneLine(e.Name)},

            {intro}
            {dates}

            Zoek je iets anders dat snel begint? Kijk op {options.Value.PublicBaseUrl.TrimEnd('/')}/

            Direct hulp nodig? Bel 113 (0800-0113), je huisarts of de huisartsenpost. Bij direct gevaar: 112.

            (English: {(byStaff ? "these sessions of " + offerName + " are cancelled" : "you cancelled " + offerName)}; the calendar attachment removes them from your calendar.)
            """;
        return Compose(e, byStaff ? "Gaat niet door: " + offerName : "Afgemeld: " + offerName, body, GroupCalendar.Cancel, sessions, "afgezegd.ics");
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

            (English: you are signed up for {offerName} on {TimeZoneInfo.ConvertTime(session.Start, LocalTime.Zone).ToString("dddd d MMMM 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))}, Dutch time. Can't come? {manage})
            """;
        return Compose(e, subject, body, GroupCalendar.Publish, [session], "sessie.ics");
    }

    private MimeMessage Compose(Enrolment e, string subject, string body, string method, IReadOnlyList<Session> sessions, string fileName)
    {
        var offer = e.Offer!;
        var email = e.Email ?? throw new InvalidOperationException("Mail needs an address.");
        var name = MailText.OneLine(e.Name);
        var message = new MimeMessage { Subject = MailText.OneLine(subject) };
        message.To.Add(new MailboxAddress(name, email));
        var ics = GroupCalendar.Write(offer.Name, sessions.Select(s => (s, offer)), method,
            (options.Value.From, options.Value.FromName), (email, name), clock.GetUtcNow());
        var builder = new BodyBuilder { TextBody = body };
        // The part's type names the same METHOD as the calendar inside (RFC 6047 §2.4), so mail programs offer it as an invitation.
        var part = (MimePart)builder.Attachments.Add(fileName, System.Text.Encoding.UTF8.GetBytes(ics), ContentType.Parse(GroupCalendar.MailContentType(method)));
        part.ContentTransferEncoding = ContentEncoding.Base64; // keeps iCalendar's CRLF line ends exactly (RFC 5545 §3.1), whatever writes the message
        message.Body = builder.ToMessageBody();
        return message;
    }
}
