using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Consent;

public enum MemberRole
{
    Naaste = 1,
    Vriend = 2,
    Buur = 3,
    Ervaringsdeskundige = 4,
    Professional = 5,
}

/// <summary>
/// A member of the person's resource group: invited by e-mail, accepted with their own account. Lives in Consent
/// because consent is given to members (<see cref="PlanAccess"/>); Plan's <c>ResourceGroup</c> invites them.
/// </summary>
public class ResourceMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OwnerId { get; set; }
    public required string Email { get; set; }
    /// <summary>How the person calls this member ("mijn zus Anna").</summary>
    public string? Name { get; set; }
    public MemberRole Role { get; set; }
    /// <summary>Secret of the invitation link; cleared once accepted.</summary>
    public string? Token { get; set; }
    public Guid? MemberUserId { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}

internal sealed class ResourceMemberConfiguration : IEntityTypeConfiguration<ResourceMember>
{
    public void Configure(EntityTypeBuilder<ResourceMember> b)
    {
        b.Property(m => m.Email).HasMaxLength(200);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Token).HasMaxLength(64);
        b.HasIndex(m => m.Token).IsUnique();
        b.HasIndex(m => m.OwnerId);
        b.HasIndex(m => m.MemberUserId);
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(m => m.MemberUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
