using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Consent;

/// <summary>What a person can share, each on its own (issue 5 §6).</summary>
public enum DataCategory
{
    Plan = 1,
    Goals = 2,
    Story = 3,
    CrisisPlan = 4,
    CheckIns = 5,
    Enrolments = 6,
    /// <summary>Questions to the consultation pool about me, and their answers (issue 14).</summary>
    Consultation = 7,
    /// <summary>The experience-sampling diary: "jouw week" and its moments (issue 15).</summary>
    Diary = 8,
}

public enum RecipientKind
{
    /// <summary>A member of the person's resource group (<see cref="ResourceMember"/>.Id).</summary>
    Member = 1,
    /// <summary>A partner organisation (<see cref="Atlas.Partner"/>.Id): all its staff.</summary>
    Partner = 2,
}

/// <summary>One consent: this recipient may see this category. Withdrawn consents keep their row (with the time) so the access log can point at them.</summary>
public class ConsentGrant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OwnerId { get; set; }
    public RecipientKind RecipientKind { get; set; }
    public Guid RecipientId { get; set; }
    public DataCategory Category { get; set; }
    public DateTimeOffset GivenAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

public enum AccessAction
{
    Read = 1,
    Search = 2,
    Change = 3,
    Export = 4,
    Delete = 5,
}

/// <summary>
/// One access to a person's data, in the spirit of NEN 7513: when, who, in which role and organisation, whose
/// data, what, which action, on which consent, and whether it was allowed. Append-only: the application has no
/// update or delete path and the database refuses both (triggers, decision 401). No foreign keys, so erasing an
/// account leaves the log intact.
/// </summary>
public class AccessLogEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public DateTimeOffset At { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string ActorRole { get; set; }
    public Guid? ActorOrganisationId { get; set; }
    /// <summary>Organisation name at the time of access, so the log stays readable.</summary>
    public string? ActorOrganisation { get; set; }
    public Guid SubjectUserId { get; set; }
    public required string What { get; set; }
    public AccessAction Action { get; set; }
    public bool Allowed { get; set; }
    public Guid? ConsentId { get; set; }
}

internal sealed class ConsentGrantConfiguration : IEntityTypeConfiguration<ConsentGrant>
{
    public void Configure(EntityTypeBuilder<ConsentGrant> b)
    {
        b.HasIndex(c => new { c.OwnerId, c.RecipientKind, c.RecipientId, c.Category });
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> b)
    {
        b.ToTable("AccessLog");
        b.Property(e => e.ActorRole).HasMaxLength(60);
        b.Property(e => e.ActorOrganisation).HasMaxLength(200);
        b.Property(e => e.What).HasMaxLength(60);
        b.HasIndex(e => new { e.SubjectUserId, e.At });
        b.HasIndex(e => new { e.ActorUserId, e.At });
    }
}
