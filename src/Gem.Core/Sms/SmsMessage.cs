using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Sms;

/// <summary>
/// One text message to send, written in the same SaveChanges as the change that causes it (the outbox pattern of mail,
/// decision 601; SMS decision 006). <see cref="Key"/> is unique, so the same message cannot be queued twice. Rows carry
/// a reference (<see cref="EnrolmentId"/>, <see cref="Body"/>); <see cref="ISmsRenderer"/> builds the text when sending,
/// from the data as it is then. Deleted with the enrolment it is about.
/// </summary>
public class SmsMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Key { get; set; }
    public required string Kind { get; set; }
    /// <summary>The phone number as the person gave it.</summary>
    public required string To { get; set; }
    public Guid? EnrolmentId { get; set; }
    /// <summary>Data for the renderer (e.g. session ids, one per line).</summary>
    public string? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public int Attempts { get; set; }
    public Guid? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Queues a message in this context; it is written with the caller's next SaveChanges.</summary>
    public static SmsMessage Queue(GemDbContext db, SmsMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(message);
        message.CreatedAt = message.DueAt = now;
        db.Set<SmsMessage>().Add(message);
        return message;
    }
}

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> b)
    {
        b.ToTable("SmsMessages");
        b.Property(m => m.Key).HasMaxLength(200);
        b.HasIndex(m => m.Key).IsUnique();
        b.Property(m => m.Kind).HasMaxLength(40);
        b.Property(m => m.To).HasMaxLength(50);
        b.Property(m => m.Body).HasMaxLength(4000);
        b.Property(m => m.LastError).HasMaxLength(1000);
        b.HasIndex(m => new { m.SentAt, m.FailedAt, m.DueAt });
        b.HasOne<Groups.Enrolment>().WithMany().HasForeignKey(m => m.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Builds the text of a row whose <see cref="SmsMessage.Kind"/> it knows; null when it is no longer to be sent.</summary>
public interface ISmsRenderer
{
    bool Handles(string kind);
    Task<string?> RenderAsync(GemDbContext db, SmsMessage row, CancellationToken ct);
}
