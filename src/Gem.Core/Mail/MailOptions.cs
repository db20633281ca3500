using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Gem.Core.Mail;

/// <summary>
/// Section <c>Gem:Mail</c>. One model, the environment decides (decision 601): an explicit <see cref="Transport"/> wins;
/// otherwise <see cref="SmtpHost"/> means SMTP, <see cref="PickupDirectory"/> means files, and with neither
/// Development writes files to <c>data/mail</c> while any other environment keeps mail in the outbox (logged as a warning).
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Gem:Mail";
    [Required, EmailAddress] public string From { get; set; } = "noreply@gem.example";
    public string FromName { get; set; } = "Gem";
    /// <summary>Domain after the @ of every Message-Id; default the domain of <see cref="From"/> (never the machine's host name).</summary>
    public string? MessageIdDomain { get; set; }
    /// <summary>Pickup, Smtp or None; empty: decided as described on the class.</summary>
    public MailTransport? Transport { get; set; }
    /// <summary>A folder for .eml files instead of sending; relative paths are under the content root.</summary>
    public string? PickupDirectory { get; set; }
    public string? SmtpHost { get; set; }
    [Range(1, 65535)] public int SmtpPort { get; set; } = 587;
    /// <summary>MailKit's socket options: Auto (TLS on 465, STARTTLS when offered), StartTls (required), SslOnConnect, None.</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>The public address of this site, for links in mail.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
    public OutboxOptions Outbox { get; set; } = new();

    /// <summary>The Message-Id for an outbox key: <c>key@domain</c>.</summary>
    public string MessageId(string key) => key + "@" + (string.IsNullOrWhiteSpace(MessageIdDomain) ? From[(From.LastIndexOf('@') + 1)..] : MessageIdDomain.Trim());

    /// <summary>Fills in <see cref="Transport"/> (and the default pickup folder) from what is configured and the environment.</summary>
    public void Resolve(string environmentName, string contentRoot)
    {
        PickupDirectory = string.IsNullOrWhiteSpace(PickupDirectory) ? null : Path.GetFullPath(PickupDirectory, contentRoot);
        Transport ??= !string.IsNullOrWhiteSpace(SmtpHost) ? MailTransport.Smtp
            : PickupDirectory is not null ? MailTransport.Pickup
            : environmentName == "Development" ? MailTransport.Pickup
            : MailTransport.None;
        if (Transport == MailTransport.Pickup) PickupDirectory ??= Path.GetFullPath("data/mail", contentRoot);
        if (Transport == MailTransport.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
            throw new InvalidOperationException("Gem:Mail:Transport is Smtp but Gem:Mail:SmtpHost is empty.");
    }

    /// <summary>One line for the start-up log: where mail goes.</summary>
    public string Describe() => Transport switch
    {
        MailTransport.Smtp => $"Mail goes over SMTP to {SmtpHost}:{SmtpPort} ({SmtpSecurity}{(string.IsNullOrEmpty(UserName) ? "" : ", as " + UserName)})",
        MailTransport.Pickup => $"Mail is written as .eml files to {PickupDirectory} (no SMTP)",
        _ => "No mail transport configured (Gem:Mail:SmtpHost is empty): mail is kept in the outbox and sent once SMTP is set",
    };
}

/// <summary>Section <c>Gem:Mail:Outbox</c>: how the hosted sender delivers.</summary>
public sealed class OutboxOptions
{
    /// <summary>Switch the background sender off (tests drive <see cref="OutboxSender.DeliverDueAsync"/> themselves).</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How often an idle sender looks for due mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>Messages claimed at once.</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 50;
    /// <summary>How long a claim holds; a crashed instance's claims are free again after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    /// <summary>Wait after the first failure; doubled after each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
    /// <summary>After this many attempts a message is marked failed (about a day with the defaults).</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 30;
    /// <summary>Sent messages (with addresses and links) are deleted after this long.</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(7);
}
