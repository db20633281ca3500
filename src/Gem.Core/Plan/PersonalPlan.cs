using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Plan;

/// <summary>
/// The person's own plan (maatwerkportfolio, seed 004 §2.2): where I started, what helps me, my story and my
/// proactive crisis plan, all in my own words. One per account; the account id is the key. No diagnosis field.
/// </summary>
public class PersonalPlan
{
    public Guid UserId { get; set; }
    /// <summary>Where I started, in my words (enrolments are shown next to it).</summary>
    public string? WhereIStarted { get; set; }
    /// <summary>"Wat mij helpt".</summary>
    public string? WhatHelps { get; set; }
    public string? Story { get; set; }
    /// <summary>Opt-in: the story may be used without name for the region's evaluation (seed 004 §5.2).</summary>
    public bool ShareStoryAnonymously { get; set; }
    public string? EarlySigns { get; set; }
    public string? CrisisWhatIDo { get; set; }
    public string? CrisisWhatOthersDo { get; set; }
    public string? CrisisWhoToCall { get; set; }
    public string? CrisisWhatNotToDo { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool HasCrisisPlan =>
        !string.IsNullOrWhiteSpace(EarlySigns) || !string.IsNullOrWhiteSpace(CrisisWhatIDo) || !string.IsNullOrWhiteSpace(CrisisWhatOthersDo)
        || !string.IsNullOrWhiteSpace(CrisisWhoToCall) || !string.IsNullOrWhiteSpace(CrisisWhatNotToDo);
}

/// <summary>A goal in the person's own words.</summary>
public class Goal
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OwnerId { get; set; }
    public required string Text { get; set; }
    public bool Reached { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A short self-rating built for Gem (not a licensed instrument): one 0–10 item per CHIME element
/// (connectedness, hope, identity, meaning, empowerment), quality of life, participation, and the number of
/// people I can count on.
/// </summary>
public class CheckIn
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OwnerId { get; set; }
    public DateTimeOffset At { get; set; }
    public int Connectedness { get; set; }
    public int Hope { get; set; }
    public int Identity { get; set; }
    public int Meaning { get; set; }
    public int Empowerment { get; set; }
    public int QualityOfLife { get; set; }
    public int Participation { get; set; }
    public int PeopleICanCountOn { get; set; }
}

internal sealed class PersonalPlanConfiguration : IEntityTypeConfiguration<PersonalPlan>
{
    public void Configure(EntityTypeBuilder<PersonalPlan> b)
    {
        b.HasKey(p => p.UserId);
        foreach (var name in new[] { nameof(PersonalPlan.WhereIStarted), nameof(PersonalPlan.WhatHelps), nameof(PersonalPlan.EarlySigns),
                     nameof(PersonalPlan.CrisisWhatIDo), nameof(PersonalPlan.CrisisWhatOthersDo), nameof(PersonalPlan.CrisisWhoToCall), nameof(PersonalPlan.CrisisWhatNotToDo) })
            b.Property(name).HasMaxLength(PlanLimits.Text);
        b.Property(p => p.Story).HasMaxLength(PlanLimits.Story);
        b.HasOne<Identity.GemUser>().WithOne().HasForeignKey<PersonalPlan>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> b)
    {
        b.Property(g => g.Text).HasMaxLength(PlanLimits.Goal);
        b.HasIndex(g => g.OwnerId);
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> b)
    {
        b.HasIndex(c => new { c.OwnerId, c.At });
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class PlanLimits
{
    public const int Text = 4000;
    public const int Story = 20000;
    public const int Goal = 500;
}
