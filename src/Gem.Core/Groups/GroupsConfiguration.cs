using Gem.Core.Atlas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Groups;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Email).HasMaxLength(200);
        b.Property(e => e.Phone).HasMaxLength(50);
        b.Property(e => e.Token).HasMaxLength(64);
        b.HasIndex(e => e.Token).IsUnique();
        b.Property(e => e.Code).HasMaxLength(EnrolmentCode.Length);
        b.HasIndex(e => e.Code).IsUnique();
        b.HasIndex(e => new { e.OfferId, e.Status });
        b.HasIndex(e => new { e.SessionId, e.Status });
        // One active (not cancelled) enrolment per contact per session.
        b.HasIndex(e => new { e.SessionId, e.Email }).IsUnique().HasFilter("\"Status\" <> 3 AND \"Email\" IS NOT NULL").HasDatabaseName("IX_Enrolments_ActiveEmail");
        b.HasIndex(e => new { e.SessionId, e.Phone }).IsUnique().HasFilter("\"Status\" <> 3 AND \"Phone\" IS NOT NULL").HasDatabaseName("IX_Enrolments_ActivePhone");
        b.HasOne(e => e.Offer).WithMany().HasForeignKey(e => e.OfferId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Session).WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.HasKey(a => new { a.SessionId, a.EnrolmentId });
        b.HasOne<Session>().WithMany().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A session and its seat invariant: never more seats taken than it has (the CHECK backs <see cref="Seats"/>).</summary>
internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.Property(s => s.Place).HasMaxLength(300);
        b.Property(s => s.OnlineUrl).HasMaxLength(500);
        b.HasOne(s => s.Offer).WithMany(o => o.Sessions).HasForeignKey(s => s.OfferId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.OfferId, s.Start });
        b.HasIndex(s => s.Start);
        b.ToTable(t => t.HasCheckConstraint("CK_Sessions_SeatsTaken", "\"SeatsTaken\" >= 0 AND (\"Seats\" IS NULL OR \"SeatsTaken\" <= \"Seats\")"));
    }
}

/// <summary>Groups' part of an offer: the members a rolling group holds never exceed its capacity.</summary>
internal sealed class OfferSeatsConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b) =>
        b.ToTable(t => t.HasCheckConstraint("CK_Offers_MembersTaken", "\"MembersTaken\" >= 0 AND (\"Capacity\" IS NULL OR \"MembersTaken\" <= \"Capacity\")"));
}
