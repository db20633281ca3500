using MimeKit;

namespace Gem.Core.Mail;

public static class TextMail
{
    /// <summary>Sends a plain-text message to one address.</summary>
    public static async Task SendTextAsync(this IMailSender mail, string to, string subject, string text, CancellationToken ct = default)
    {
        var message = new MimeMessage { Subject = MailText.OneLine(subject) };
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = text };
        await mail.SendAsync(message, ct);
    }
}
