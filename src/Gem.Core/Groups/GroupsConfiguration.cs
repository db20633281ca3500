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
