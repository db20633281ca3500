using Gem.Core.Atlas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Learning;

/// <summary>The nine challenges of the GEM social trial (seed 002); one change workshop (veranderatelier) works on each.</summary>
public enum GemChallenge
{
    /// <summary>1. Services are fragmented across GGZ, social care, recovery colleges, GPs, addiction care, youth care.</summary>
    Fragmentation = 1,
    /// <summary>2. Limited choice: central triage to a specialist diagnosis instead of choosing where to start.</summary>
    Choice = 2,
    /// <summary>3. Purchasing and reimbursement: collaboration as a condition, flexible rules for consultation.</summary>
    Financing = 3,
    /// <summary>4. Distress led to a medical answer; context and the resource group from the first contact.</summary>
    Context = 4,
    /// <summary>5. 25% prevalence, 9% capacity: more than 80% of support in groups, eCommunities, public tools.</summary>
    Groups = 5,
    /// <summary>6. Social holding and participation for people with non-linear behaviour.</summary>
    SocialHolding = 6,
    /// <summary>7. Demand for recovery colleges; more experience expertise.</summary>
    RecoveryColleges = 7,
    /// <summary>8. GGZ isolated in specialist tracks: modular and consultative on demand.</summary>
    Consultation = 8,
    /// <summary>9. Public mental health: resilience and mental-health skills, especially for young people.</summary>
    PublicMentalHealth = 9,
}

/// <summary>One version of the region's values charter: the eight shared values and what partners commit to. Versions are never edited, only added.</summary>
public class ValuesCharter
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegionId { get; set; }
    public int Version { get; set; }
    public required string Text { get; set; }
    public DateOnly PublishedOn { get; set; }
}

/// <summary>A partner organisation's signature under one charter version: who signed, in which role, when, what it commits to and what it stops doing.</summary>
public class CharterSignature
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CharterId { get; set; }
    public ValuesCharter? Charter { get; set; }
    public Guid PartnerId { get; set; }
    /// <summary>The staff account that signed; no foreign key: the signature stays when the account goes.</summary>
    public Guid? SignedByUserId { get; set; }
    public required string SignerName { get; set; }
    public required string SignerRole { get; set; }
    public DateOnly SignedOn { get; set; }
    public required string Commitments { get; set; }
    /// <summary>What the organisation stops doing (GEM: the new system phases the old one out).</summary>
    public required string StopsDoing { get; set; }
    /// <summary>The day the yearly renewal reminder was queued; the reminder is sent once per signature.</summary>
    public DateOnly? RenewalReminderOn { get; set; }
}

/// <summary>A member's role in a workshop. A workshop starts only with at least one experience expert and one citizen.</summary>
public enum WorkshopRole
{
    Professional = 1,
    ExperienceExpert = 2,
    Volunteer = 3,
    Citizen = 4,
    /// <summary>The local owner who leads the workshop (seed 002: a local owner, a national expert and the GEM team facilitate).</summary>
    LocalOwner = 5,
    NationalExpert = 6,
}

public enum WorkshopState
{
    /// <summary>Members are being gathered; not started.</summary>
    Forming = 0,
    Running = 1,
    Closed = 2,
}

/// <summary>A change workshop (veranderatelier) on one GEM challenge.</summary>
public class Workshop
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegionId { get; set; }
    public GemChallenge Challenge { get; set; }
    public required string Title { get; set; }
    public string Aim { get; set; } = "";
    public WorkshopState State { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public List<WorkshopMember> Members { get; set; } = [];
}

public class WorkshopMember
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkshopId { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The name shown to the other members (not in public: the public page shows roles only).</summary>
    public required string Name { get; set; }
    public WorkshopRole Role { get; set; }
}

/// <summary>A meeting of a workshop (in the calendar as .ics), with its minutes and decisions afterwards.</summary>
public class WorkshopMeeting
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkshopId { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public string? Place { get; set; }
    public string? Minutes { get; set; }
    public string? Decisions { get; set; }
}

/// <summary>A live Gem figure an experiment is measured on: the dashboard's own computation for the period, never typed in.</summary>
public enum MeasureKind
{
    /// <summary>Share of support contacts given in groups (region).</summary>
    GroupShare = 1,
    /// <summary>Share of front-door enrolments present at support within 7 days.</summary>
    AttendedWithinWeek = 2,
    /// <summary>Median days from the front-door visit to the first attended support.</summary>
    MedianDaysToSupport = 3,
    /// <summary>Share of group sessions with an experience expert among the facilitators.</summary>
    CoFacilitation = 4,
    /// <summary>Mean change in CHIME hope (latest minus first check-in).</summary>
    HopeChange = 5,
    /// <summary>Mean change in CHIME connectedness.</summary>
    ConnectednessChange = 6,
    /// <summary>Share of consultation requests answered within the due time.</summary>
    ConsultationWithinDue = 7,
    /// <summary>Median working hours to a consultation answer.</summary>
    ConsultationMedianHours = 8,
    /// <summary>Front-door starts in one sector (the experiment's sector).</summary>
    SectorStarts = 9,
}

/// <summary>The measure's role in a PDSA experiment (IHI): what should improve, whether the change was done, what must not get worse.</summary>
public enum MeasureRole
{
    Outcome = 1,
    Process = 2,
    Balancing = 3,
}

public enum PointInterval
{
    Week = 1,
    Month = 2,
}

public enum ExperimentOutcome
{
    Adopt = 1,
    Adapt = 2,
    Abandon = 3,
}

/// <summary>A PDSA experiment of a workshop: the change, the prediction, its measures on live figures, a baseline, and the outcome.</summary>
public class Experiment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkshopId { get; set; }
    public required string Title { get; set; }
    public required string Change { get; set; }
    public required string Prediction { get; set; }
    public MeasureKind OutcomeMeasure { get; set; }
    public MeasureKind? ProcessMeasure { get; set; }
    public MeasureKind? BalancingMeasure { get; set; }
    /// <summary>The sector of <see cref="MeasureKind.SectorStarts"/>.</summary>
    public Sector? Sector { get; set; }
    public PointInterval Interval { get; set; } = PointInterval.Month;
    /// <summary>First day of the baseline period (Amsterdam).</summary>
    public DateOnly BaselineFrom { get; set; }
    /// <summary>The day the change started: points before it are the baseline.</summary>
    public DateOnly ChangeFrom { get; set; }
    /// <summary>The last day measured; open (today) while running.</summary>
    public DateOnly? EndsOn { get; set; }
    public ExperimentOutcome? Outcome { get; set; }
    public string? Evaluation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum ProposalDecision
{
    Adopted = 1,
    AdoptedWithChanges = 2,
    Declined = 3,
}

/// <summary>A workshop's proposal to the decision makers, with their decision and the phase-out list ("what we stop doing").</summary>
public class Proposal
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkshopId { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    /// <summary>What the ecosystem stops doing if adopted, one item per line.</summary>
    public string PhaseOut { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }
    public ProposalDecision? Decision { get; set; }
    public string? DecisionText { get; set; }
    public Guid? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
}

public static class LearningLimits
{
    public const int Title = 200;
    public const int Text = 4000;
    public const int Name = 100;
}

internal sealed class ValuesCharterConfiguration : IEntityTypeConfiguration<ValuesCharter>
{
    public void Configure(EntityTypeBuilder<ValuesCharter> b)
    {
        b.ToTable("LearningCharters");
        b.Property(c => c.Text).HasMaxLength(LearningLimits.Text * 2);
        b.HasIndex(c => new { c.RegionId, c.Version }).IsUnique();
        b.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CharterSignatureConfiguration : IEntityTypeConfiguration<CharterSignature>
{
    public void Configure(EntityTypeBuilder<CharterSignature> b)
    {
        b.ToTable("LearningCharterSignatures");
        b.Property(s => s.SignerName).HasMaxLength(LearningLimits.Name);
        b.Property(s => s.SignerRole).HasMaxLength(LearningLimits.Name);
        b.Property(s => s.Commitments).HasMaxLength(LearningLimits.Text);
        b.Property(s => s.StopsDoing).HasMaxLength(LearningLimits.Text);
        // One signature per partner and version.
        b.HasIndex(s => new { s.PartnerId, s.CharterId }).IsUnique();
        b.HasOne(s => s.Charter).WithMany().HasForeignKey(s => s.CharterId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkshopConfiguration : IEntityTypeConfiguration<Workshop>
{
    public void Configure(EntityTypeBuilder<Workshop> b)
    {
        b.ToTable("LearningWorkshops");
        b.Property(w => w.Title).HasMaxLength(LearningLimits.Title);
        b.Property(w => w.Aim).HasMaxLength(LearningLimits.Text);
        b.HasIndex(w => new { w.RegionId, w.Challenge });
        b.HasOne<Region>().WithMany().HasForeignKey(w => w.RegionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(w => w.Members).WithOne().HasForeignKey(m => m.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkshopMemberConfiguration : IEntityTypeConfiguration<WorkshopMember>
{
    public void Configure(EntityTypeBuilder<WorkshopMember> b)
    {
        b.ToTable("LearningWorkshopMembers");
        b.Property(m => m.Name).HasMaxLength(LearningLimits.Name);
        b.HasIndex(m => new { m.WorkshopId, m.UserId }).IsUnique();
        b.HasIndex(m => m.UserId);
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkshopMeetingConfiguration : IEntityTypeConfiguration<WorkshopMeeting>
{
    public void Configure(EntityTypeBuilder<WorkshopMeeting> b)
    {
        b.ToTable("LearningMeetings");
        b.Property(m => m.Place).HasMaxLength(LearningLimits.Title);
        b.Property(m => m.Minutes).HasMaxLength(LearningLimits.Text);
        b.Property(m => m.Decisions).HasMaxLength(LearningLimits.Text);
        b.HasIndex(m => new { m.WorkshopId, m.Start });
        b.HasOne<Workshop>().WithMany().HasForeignKey(m => m.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> b)
    {
        b.ToTable("LearningExperiments");
        b.Property(e => e.Title).HasMaxLength(LearningLimits.Title);
        b.Property(e => e.Change).HasMaxLength(LearningLimits.Text);
        b.Property(e => e.Prediction).HasMaxLength(LearningLimits.Text);
        b.Property(e => e.Evaluation).HasMaxLength(LearningLimits.Text);
        b.HasIndex(e => e.WorkshopId);
        b.HasOne<Workshop>().WithMany().HasForeignKey(e => e.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.ToTable("LearningProposals");
        b.Property(p => p.Title).HasMaxLength(LearningLimits.Title);
        b.Property(p => p.Text).HasMaxLength(LearningLimits.Text);
        b.Property(p => p.PhaseOut).HasMaxLength(LearningLimits.Text);
        b.Property(p => p.DecisionText).HasMaxLength(LearningLimits.Text);
        b.HasIndex(p => p.WorkshopId);
        b.HasOne<Workshop>().WithMany().HasForeignKey(p => p.WorkshopId).OnDelete(DeleteBehavior.Cascade);
    }
}
