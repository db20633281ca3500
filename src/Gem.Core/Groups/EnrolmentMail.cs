using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gem.Core.Groups;

/// <summary>The mails a person gets about an enrolment: a confirmation and a reminder the day before, each with an .ics and one-click links.</summary>
public sealed class EnrolmentMail(IMailSender sender, IOptions<MailOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public Task SendConfirmationAsync(Enrolment e, CancellationToken ct = default) =>
        SendAsync(e, e.Session!, "Je bent aangemeld", $"confirm.{e.Id:N}@gem", intro: "Fijn dat je komt! Je bent aangemeld voor:", ct);

    /// <summary>The reminder for one session; its Message-Id is fixed per enrolment and session, so a resend after a restart is the same message.</summary>
    public Task SendReminderAsync(Enrolment e, Session session, CancellationToken ct = default) =>
        SendAsync(e, session, "Morgen: " + e.Offer!.Name, ReminderMessageId(e.Id, session.Id), intro: "Een herinnering: morgen is er weer", ct);

    public static string ReminderMessageId(Guid enrolmentId, Guid sessionId) => $"reminder.{enrolmentId:N}.{sessionId:N}@gem";

    private async Task SendAsync(Enrolment e, Session session, string subject, string messageId, string intro, CancellationToken ct)
    {
        if (e.Email is null) return; // reached by phone: the group calls or texts
        var offer = e.Offer!;
        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var when = TimeZoneInfo.ConvertTime(session.Start, LocalTime.Zone).ToString("dddd d MMMM 'om' HH:mm", Dutch);
        var where = offer.IsOnline ? "online: " + (session.OnlineUrl ?? offer.OnlineUrl) : session.Place ?? $"{offer.Address}, {offer.Pc4} {offer.City}";
        var manage = $"{baseUrl}/groups/enrolment/{e.Token}";
        var pause = offer.FlowPolicy == FlowPolicy.Rolling ? $"Even pauzeren? Dat kan hier, je plek blijft: {manage}\n" : "";
        var body = $"""
            Hoi {e.Name},

            {intro}
            {offer.Name}
            {when}, {where}

            Kun je niet? Zeg het hier, dan is je plek vrij voor een ander: {manage}
            {pause}
            Je eigen agenda-link: {baseUrl}/calendar/me/{e.Token}.ics

            Direct hulp nodig? Bel 113 (0800-0113), je huisarts of de huisartsenpost. Bij direct gevaar: 112.

            (English: you are signed up for {offer.Name} on {session.Start.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)} UTC. Can't come? {manage})
            """;
        await SendWithCalendarAsync(e, subject, messageId, body, GroupCalendar.Publish, [session], "sessie.ics", ct);
    }

    /// <summary>
    /// Tells the person that sessions in their calendar are off: a METHOD:CANCEL calendar with the same UIDs and the next
    /// SEQUENCE, so mail programs take the events out. <paramref name="byStaff"/>: the group called them off, not the person.
    /// </summary>
    public async Task SendCancellationAsync(Enrolment e, IReadOnlyList<Session> sessions, bool byStaff, CancellationToken ct = default)
    {
        if (e.Email is null || sessions.Count == 0) return;
        var offer = e.Offer!;
        var dates = string.Join("\n", sessions.OrderBy(s => s.Start)
            .Select(s => TimeZoneInfo.ConvertTime(s.Start, Gem.Core.Common.LocalTime.Zone).ToString("dddd d MMMM 'om' HH:mm", Dutch)));
        var intro = byStaff
            ? $"Helaas gaat {offer.Name} niet door op:"
            : $"Je hebt je afgemeld voor {offer.Name}. Deze afspraken zijn uit je agenda gehaald:";
        var body = $"""
            Hoi {e.Name},

            {intro}
            {dates}

            Zoek je iets anders dat snel begint? Kijk op {options.Value.PublicBaseUrl.TrimEnd('/')}/

            Direct hulp nodig? Bel 113 (0800-0113), je huisarts of de huisartsenpost. Bij direct gevaar: 112.

            (English: {(byStaff ? "these sessions of " + offer.Name + " are cancelled" : "you cancelled " + offer.Name)}; the calendar attachment removes them from your calendar.)
            """;
        var messageId = $"cancel.{e.Id:N}.{string.Join('.', sessions.Select(s => s.Id.ToString("N")[..8]))}@gem";
        await SendWithCalendarAsync(e, byStaff ? "Gaat niet door: " + offer.Name : "Afgemeld: " + offer.Name, messageId, body,
            GroupCalendar.Cancel, sessions, "afgezegd.ics", ct);
    }

    private async Task SendWithCalendarAsync(Enrolment e, string subject, string messageId, string body, string method,
        IReadOnlyList<Session> sessions, string fileName, CancellationToken ct)
    {
        var offer = e.Offer!;
        var email = e.Email ?? throw new InvalidOperationException("Mail needs an address.");
        var message = new MimeMessage { Subject = subject, MessageId = messageId };
        message.To.Add(new MailboxAddress(e.Name, email));
        var ics = GroupCalendar.Write(offer.Name, sessions.Select(s => (s, offer)), method,
            (options.Value.From, options.Value.FromName), (email, e.Name), clock.GetUtcNow());
        var builder = new BodyBuilder { TextBody = body };
        // The part's type names the same METHOD as the calendar inside (RFC 6047 §2.4), so mail programs offer it as an invitation.
        var part = (MimePart)builder.Attachments.Add(fileName, System.Text.Encoding.UTF8.GetBytes(ics), ContentType.Parse(GroupCalendar.MailContentType(method)));
        part.ContentTransferEncoding = ContentEncoding.Base64; // keeps iCalendar's CRLF line ends exactly (RFC 5545 §3.1), whatever writes the message
        message.Body = builder.ToMessageBody();
        await sender.SendAsync(message, ct);
    }
}
