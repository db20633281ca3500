using Gem.Core.Atlas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Consultation;

/// <summary>The specialist's profession. An ervaringsdeskundige joins as co-consultant.</summary>
public enum Discipline
{
    Psychiater = 1,
    Psycholoog = 2,
    Verslavingsarts = 3,
    VerpleegkundigSpecialist = 4,
    Ervaringsdeskundige = 5,
}

/// <summary>A member of the region's consultation pool: an account with role <c>specialist</c>, a discipline and an organisation.</summary>
public class Specialist
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public Guid PartnerId { get; set; }
    public Guid RegionId { get; set; }
    public required string Name { get; set; }
    public Discipline Discipline { get; set; }
    public bool Active { get; set; } = true;
}

public enum DutyRole
{
    /// <summary>Answers the requests that come in this week.</summary>
    Lead = 1,
    /// <summary>An ervaringsdeskundige who reads along and may add to the answer.</summary>
    CoConsultant = 2,
}

/// <summary>One line of the weekly rota: this specialist is on duty in the week that starts on <see cref="WeekStart"/> (a Monday).</summary>
public class DutyWeek
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SpecialistId { get; set; }
    public DateOnly WeekStart { get; set; }
    public DutyRole Role { get; set; }
}

/// <summary>How soon an answer is needed. Never a crisis: crisis words send the asker to 113/112 instead.</summary>
public enum Urgency
{
    /// <summary>Within 1 working day.</summary>
    Soon = 1,
    /// <summary>Within 3 working days (as ZorgDomein's GGZ-meekijkconsult).</summary>
    Normal = 2,
    /// <summary>Within 5 working days.</summary>
    Calm = 3,
}

public enum AskerKind
{
    Staff = 1,
    ResourceGroupMember = 2,
    Person = 3,
}

public enum ConsultationStatus
{
    Open = 1,
    Answered = 2,
    Closed = 3,
}

/// <summary>The four answers one request can get.</summary>
public enum AnswerKind
{
    Written = 1,
    /// <summary>A conversation together with the person ("meekijken").</summary>
    Meekijken = 2,
    /// <summary>The specialist joins a meeting of the person's resource group.</summary>
    ResourceGroupMeeting = 3,
    /// <summary>The case goes, de-identified, to a recurring case session (ECHO style).</summary>
    CaseSession = 4,
}

/// <summary>What happened after the answer, as the asker tells at close-out.</summary>
public enum NextStep
{
    StartedOffer = 1,
    Group = 2,
    Nothing = 3,
    /// <summary>A referral to specialist care after all.</summary>
    Referral = 4,
}

/// <summary>
/// A question to the consultation pool, in plain words. About a person only with their consent (category
/// <see cref="Consent.DataCategory.Consultation"/>), recorded in <see cref="ConsentId"/>; without a person it is an
/// anonymised case. There is deliberately no diagnosis field.
/// </summary>
public class ConsultationRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AskerUserId { get; set; }
    public AskerKind AskerKind { get; set; }
    /// <summary>The asker's organisation (staff only) and its sector, kept for the dashboard.</summary>
    public Guid? AskerPartnerId { get; set; }
    public Sector? AskerSector { get; set; }
    /// <summary>The person the question is about, or null for an anonymised case.</summary>
    public Guid? SubjectUserId { get; set; }
    /// <summary>The consent the request rests on (null when the person asked themself, or for an anonymised case).</summary>
    public Guid? ConsentId { get; set; }
    public required string Question { get; set; }
    public LifeDomains Domains { get; set; }
    public string? Tried { get; set; }
    public string? PersonView { get; set; }
    public string? NetworkView { get; set; }
    public Urgency Urgency { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public Guid? SpecialistId { get; set; }
    public Guid? CoConsultantId { get; set; }
    public DateTimeOffset? RemindedAt { get; set; }
    public DateTimeOffset? ReassignedAt { get; set; }
    public ConsultationStatus Status { get; set; } = ConsultationStatus.Open;

    public AnswerKind? AnswerKind { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? AnsweredBySpecialistId { get; set; }
    /// <summary>For meekijken or a resource-group meeting: when the specialist comes.</summary>
    public DateTimeOffset? MeetingAt { get; set; }
    public Guid? CaseSessionId { get; set; }
    /// <summary>Minutes the specialist spent on it (consultative hours for the dashboard).</summary>
    public int MinutesSpent { get; set; }

    public bool? Useful { get; set; }
    public NextStep? NextStep { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

/// <summary>A recurring case session (ECHO style): a short teaching part and de-identified cases; a summary afterwards.</summary>
public class CaseSession
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Title { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public string? Place { get; set; }
    /// <summary>Written afterwards, without anything that identifies a person.</summary>
    public string? Summary { get; set; }
}

/// <summary>
/// A public question (E-spreekuur): asked anonymously, answered by a specialist, and, once the specialist approved a
/// de-identified version, part of the searchable library. Only the approved texts are ever shown in public.
/// </summary>
public class PublicQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    /// <summary>The secret in the asker's link to see the answer.</summary>
    public required string Token { get; set; }
    public required string Question { get; set; }
    public LifeDomains Domains { get; set; }
    public DateTimeOffset AskedAt { get; set; }
    public string? Answer { get; set; }
    public Guid? AnsweredBySpecialistId { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? PublishedQuestion { get; set; }
    public string? PublishedAnswer { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

public static class ConsultationLimits
{
    public const int Text = 4000;
    public const int Title = 200;
}

internal sealed class SpecialistConfiguration : IEntityTypeConfiguration<Specialist>
{
    public void Configure(EntityTypeBuilder<Specialist> b)
    {
        b.ToTable("ConsultationSpecialists");
        b.Property(s => s.Name).HasMaxLength(200);
        b.HasIndex(s => s.UserId).IsUnique();
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partner>().WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DutyWeekConfiguration : IEntityTypeConfiguration<DutyWeek>
{
    public void Configure(EntityTypeBuilder<DutyWeek> b)
    {
        b.ToTable("ConsultationRota");
        b.HasIndex(d => new { d.WeekStart, d.SpecialistId }).IsUnique();
        b.HasOne<Specialist>().WithMany().HasForeignKey(d => d.SpecialistId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsultationRequestConfiguration : IEntityTypeConfiguration<ConsultationRequest>
{
    public void Configure(EntityTypeBuilder<ConsultationRequest> b)
    {
        b.ToTable("ConsultationRequests");
        b.Property(r => r.Question).HasMaxLength(ConsultationLimits.Text);
        b.Property(r => r.Tried).HasMaxLength(ConsultationLimits.Text);
        b.Property(r => r.PersonView).HasMaxLength(ConsultationLimits.Text);
        b.Property(r => r.NetworkView).HasMaxLength(ConsultationLimits.Text);
        b.Property(r => r.Answer).HasMaxLength(ConsultationLimits.Text);
        b.HasIndex(r => r.SubjectUserId);
        b.HasIndex(r => r.AskerUserId);
        b.HasIndex(r => new { r.Status, r.DueAt });
        b.HasIndex(r => r.SpecialistId);
        // No foreign keys to accounts: erasure removes the rows explicitly (PersonalData), staff accounts may go without losing the figures.
        b.HasOne<Specialist>().WithMany().HasForeignKey(r => r.SpecialistId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<CaseSession>().WithMany().HasForeignKey(r => r.CaseSessionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CaseSessionConfiguration : IEntityTypeConfiguration<CaseSession>
{
    public void Configure(EntityTypeBuilder<CaseSession> b)
    {
        b.ToTable("ConsultationCaseSessions");
        b.Property(s => s.Title).HasMaxLength(ConsultationLimits.Title);
        b.Property(s => s.Place).HasMaxLength(ConsultationLimits.Title);
        b.Property(s => s.Summary).HasMaxLength(ConsultationLimits.Text);
        b.HasIndex(s => s.Start);
    }
}

internal sealed class PublicQuestionConfiguration : IEntityTypeConfiguration<PublicQuestion>
{
    public void Configure(EntityTypeBuilder<PublicQuestion> b)
    {
        b.ToTable("ConsultationPublicQuestions");
        b.Property(q => q.Token).HasMaxLength(64);
        b.HasIndex(q => q.Token).IsUnique();
        b.Property(q => q.Question).HasMaxLength(ConsultationLimits.Text);
        b.Property(q => q.Answer).HasMaxLength(ConsultationLimits.Text);
        b.Property(q => q.PublishedQuestion).HasMaxLength(ConsultationLimits.Text);
        b.Property(q => q.PublishedAnswer).HasMaxLength(ConsultationLimits.Text);
        b.HasIndex(q => q.PublishedAt);
    }
}
