using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Diary;

public enum DiaryProposalState { Open = 0, Accepted = 1, Declined = 2 }

/// <summary>
/// A diary proposed by someone the person shares "Dagboek" with (a partner professional or a resource-group member):
/// the settings they suggest and an optional short note. Nothing is planned until the person accepts; then their diary
/// starts with the settings they confirmed (<see cref="DiaryId"/>). The proposer only ever sees <see cref="State"/>.
/// One open proposal per proposer per person (a filtered unique index).
/// </summary>
public class DiaryProposal
{
    public const int MaxNote = 280;

    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The person the diary is for.</summary>
    public Guid OwnerId { get; set; }
    public Guid ProposerUserId { get; set; }
    /// <summary>The proposer as the person knows them, at the time of the proposal (member name, display name or organisation).</summary>
    public string? ProposerName { get; set; }
    public string? ProposerOrganisation { get; set; }
    /// <summary>The consent the proposal rested on.</summary>
    public Guid? ConsentId { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public int Days { get; set; }
    public int PerDay { get; set; }
    public int WakeFromMinutes { get; set; }
    public int WakeUntilMinutes { get; set; }
    public int MinGapMinutes { get; set; }
    public string? Note { get; set; }
    public DiaryProposalState State { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>The diary that accepting started.</summary>
    public Guid? DiaryId { get; set; }

    public DiaryInput Input() => new(Days, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(WakeFromMinutes)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(WakeUntilMinutes)), PerDay, MinGapMinutes);
}

/// <summary>The person chose to get prompts that cannot go as Web Push by SMS (to the account's phone number) instead of mail.</summary>
public class DiarySmsChoice
{
    public Guid OwnerId { get; set; }
    public DateTimeOffset ChosenAt { get; set; }
}

internal sealed class DiaryProposalConfiguration : IEntityTypeConfiguration<DiaryProposal>
{
    public void Configure(EntityTypeBuilder<DiaryProposal> b)
    {
        b.ToTable("DiaryProposals");
        b.Property(p => p.ProposerName).HasMaxLength(200);
        b.Property(p => p.ProposerOrganisation).HasMaxLength(200);
        b.Property(p => p.Note).HasMaxLength(DiaryProposal.MaxNote);
        b.HasIndex(p => new { p.OwnerId, p.ProposerUserId }).IsUnique().HasFilter("\"State\" = 0").HasDatabaseName("IX_DiaryProposals_OpenPerProposer");
        b.HasIndex(p => new { p.ProposerUserId, p.OwnerId, p.ProposedAt });
        // The person's data: gone with their account. The proposer's account may go without taking the proposal along.
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiarySmsChoiceConfiguration : IEntityTypeConfiguration<DiarySmsChoice>
{
    public void Configure(EntityTypeBuilder<DiarySmsChoice> b)
    {
        b.ToTable("DiarySmsChoices");
        b.HasKey(c => c.OwnerId);
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
