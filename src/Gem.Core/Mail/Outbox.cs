using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MimeKit;

namespace Gem.Core.Mail;

/// <summary>
/// One mail to send, written in the same SaveChanges (or transaction) as the change that causes it (decision 601).
/// <see cref="Key"/> is the Message-Id's local part and unique, so the same mail cannot be queued twice and a resend
/// after a crash carries the same Message-Id. Plain mails carry their text; mails built from data (an enrolment's
/// confirmation with its .ics) carry only the reference, and <see cref="IOutboxRenderer"/> builds them when sending.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string To { get; set; }
    public string? ToName { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public Guid? EnrolmentId { get; set; }
    public Guid? SessionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not before this moment: now when queued, later after a failed attempt (exponential backoff).</summary>
    public DateTimeOffset DueAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>The claim of one sender pass; free again when <see cref="ClaimedUntil"/> has passed (a crashed instance).</summary>
    public Guid? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Given up: too many attempts, refused for good by the relay, or no longer to be sent.</summary>
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Key).HasMaxLength(200);
        b.HasIndex(m => m.Key).IsUnique();
        b.Property(m => m.Kind).HasMaxLength(40);
        b.Property(m => m.To).HasMaxLength(200);
        b.Property(m => m.ToName).HasMaxLength(100);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.SentAt, m.FailedAt, m.DueAt });
    }
}

/// <summary>Builds the message of an outbox row whose <see cref="OutboxMessage.Kind"/> it knows; null when the mail is no longer to be sent.</summary>
public interface IOutboxRenderer
{
    bool Handles(string kind);
    Task<MimeMessage?> RenderAsync(GemDbContext db, OutboxMessage row, CancellationToken ct);
}

public static class Outbox
{
    public const string TextKind = "text";

    /// <summary>Queues a plain-text mail in this context; it is written with the caller's next SaveChanges.</summary>
    public static OutboxMessage QueueText(this GemDbContext db, DateTimeOffset now, string key, string to, string subject, string text, string? toName = null) =>
        db.Queue(new OutboxMessage { Key = key, Kind = TextKind, To = to, ToName = OneLine(toName), Subject = OneLine(subject), Body = text }, now);

    /// <summary>Queues a mail to be built when sent (see <see cref="IOutboxRenderer"/>).</summary>
    public static OutboxMessage Queue(this GemDbContext db, OutboxMessage message, DateTimeOffset now)
    {
        message.CreatedAt = now;
        message.DueAt = now;
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    /// <summary>A key for a mail that has no natural one (registration, password reset): kind and a fresh id.</summary>
    public static string NewKey(string kind) => $"{kind}.{Guid.NewGuid():N}";

    /// <summary>Text that ends up in a header or a one-line greeting: control characters (line breaks too) become spaces.</summary>
    public static string? OneLine(string? text) => text is null ? null : MailText.OneLine(text);

    internal static MimeMessage TextMessage(OutboxMessage row)
    {
        var message = new MimeMessage { Subject = row.Subject ?? "" };
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.To));
        message.Body = new TextPart("plain") { Text = row.Body ?? "" };
        return message;
    }
}
