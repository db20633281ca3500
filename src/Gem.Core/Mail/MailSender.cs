using System.ComponentModel.DataAnnotations;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gem.Core.Mail;

/// <summary>Section <c>Gem:Mail</c>. With a pickup directory, mail is written there as .eml files (development, tests); otherwise sent over SMTP.</summary>
public sealed class MailOptions
{
    public const string Section = "Gem:Mail";
    [Required, EmailAddress] public string From { get; set; } = "noreply@gem.example";
    public string FromName { get; set; } = "Gem";
    /// <summary>A folder for .eml files instead of sending; relative paths are under the content root.</summary>
    public string? PickupDirectory { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The public address of this site, for links in mail.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}

public interface IMailSender
{
    /// <summary>Sends one message. A message with the same Message-Id sent twice lands once in a pickup folder (the file is named after it).</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}

/// <summary>MailKit SMTP client, or .eml files in the pickup directory.</summary>
public sealed class MailSender(IOptions<MailOptions> options) : IMailSender
{
    private readonly MailOptions _options = options.Value;

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        if (message.From.Count == 0) message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        if (string.IsNullOrEmpty(message.MessageId)) message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("gem.example");

        if (!string.IsNullOrWhiteSpace(_options.PickupDirectory))
        {
            Directory.CreateDirectory(_options.PickupDirectory);
            var name = string.Concat(message.MessageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".eml";
            var final = Path.Combine(_options.PickupDirectory, name);
            var temp = final + ".tmp";
            await message.WriteToAsync(temp, ct);
            File.Move(temp, final, overwrite: true);
            return;
        }

        if (string.IsNullOrWhiteSpace(_options.SmtpHost))
            throw new InvalidOperationException("Set Gem:Mail:PickupDirectory or Gem:Mail:SmtpHost to send mail.");
        using var client = new SmtpClient();
        await client.ConnectAsync(_options.SmtpHost, _options.SmtpPort, _options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(_options.UserName)) await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
