using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gem.Core.Groups;

/// <summary>The mails a person gets about an enrolment: a confirmation and a reminder the day before, each with an .ics and one-click links.</summary>
public sealed class EnrolmentMail(IMailSender sender, IOptions<MailOptions> options)
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
        var message = new MimeMessage { Subject = subject, MessageId = messageId };
        message.To.Add(new MailboxAddress(e.Name, e.Email));
        var builder = new BodyBuilder { TextBody = body };
        builder.Attachments.Add("sessie.ics", System.Text.Encoding.UTF8.GetBytes(GroupCalendar.Write(offer.Name, [(session, offer)])), new ContentType("text", "calendar"));
        message.Body = builder.ToMessageBody();
        await sender.SendAsync(message, ct);
    }
}
