using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Gem.Core.Groups;

/// <summary>"Laat het me weten als er plek is": one e-mail when a seat frees up. A notification, never a waiting list instead of help.</summary>
public class SeatWatch
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SessionId { get; set; }
    public required string Email { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
}

internal sealed class SeatWatchConfiguration : IEntityTypeConfiguration<SeatWatch>
{
    public void Configure(EntityTypeBuilder<SeatWatch> b)
    {
        b.Property(w => w.Email).HasMaxLength(200);
        b.HasIndex(w => new { w.SessionId, w.NotifiedAt });
        // One open watch per address per session: thirty identical requests are one mail.
        b.HasIndex(w => new { w.SessionId, w.Email }).IsUnique().HasFilter("\"NotifiedAt\" IS NULL").HasDatabaseName("IX_SeatWatches_Open");
        b.HasOne<Session>().WithMany().HasForeignKey(w => w.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Who co-facilitates a session, by role. A first name is enough; no clinical notes anywhere.</summary>
public class SessionFacilitator
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SessionId { get; set; }
    public required string Name { get; set; }
    public FacilitatorRoles Role { get; set; }
}

internal sealed class SessionFacilitatorConfiguration : IEntityTypeConfiguration<SessionFacilitator>
{
    public void Configure(EntityTypeBuilder<SessionFacilitator> b)
    {
        b.Property(f => f.Name).HasMaxLength(100);
        b.HasIndex(f => f.SessionId);
        b.HasOne<Session>().WithMany().HasForeignKey(f => f.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SeatWatches(GemDbContext db, IOptions<MailOptions> options, TimeProvider clock)
{
    public async Task WatchAsync(Guid sessionId, string email, CancellationToken ct = default)
    {
        if (!System.Net.Mail.MailAddress.TryCreate(email?.Trim(), out _) || email!.Length > 200) throw new ValidationException("Email", "Not an e-mail address.");
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, ct)) throw new NotFoundException("Session not found.");
        var address = email.Trim().ToLowerInvariant();
        // Already watching: nothing more to do (the same answer, so the page does not tell who watches what).
        if (await db.Set<SeatWatch>().AnyAsync(w => w.SessionId == sessionId && w.Email == address && w.NotifiedAt == null, ct)) return;
        var watch = new SeatWatch { SessionId = sessionId, Email = address, CreatedAt = clock.GetUtcNow() };
        db.Add(watch);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.Entry(watch).State = EntityState.Detached;
            // A parallel request made the same watch: that is the one.
            if (!await db.Set<SeatWatch>().AnyAsync(w => w.SessionId == sessionId && w.Email == address && w.NotifiedAt == null, ct)) throw;
        }
    }

    /// <summary>
    /// Tells the people waiting for news about this session (or, for a rolling group, any session of the offer) that a
    /// seat is free: the mails are queued in the outbox and the watches marked in one SaveChanges, inside the caller's
    /// transaction when there is one (the cancellation that freed the seat).
    /// </summary>
    public async Task NotifyFreedAsync(Session session, Offer offer, CancellationToken ct = default)
    {
        var sessionIds = offer.FlowPolicy == FlowPolicy.Rolling
            ? db.Sessions.Where(s => s.OfferId == offer.Id).Select(s => s.Id)
            : db.Sessions.Where(s => s.Id == session.Id).Select(s => s.Id);
        var watches = await db.Set<SeatWatch>().Where(w => sessionIds.Contains(w.SessionId) && w.NotifiedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var w in watches)
        {
            var name = MailText.OneLine(offer.Name);
            db.QueueText(now, $"seat.{w.Id:N}", w.Email, "Er is plek: " + name,
                $"Hoi,\n\nEr is een plek vrijgekomen bij {name}. Meld je aan via {options.Value.PublicBaseUrl.TrimEnd('/')}/atlas/offers/{offer.Id}\n\n" +
                $"(English: a seat is free in {name}.)");
            w.NotifiedAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}
