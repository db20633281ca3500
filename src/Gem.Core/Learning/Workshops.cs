using Gem.Core.Consultation;
using Gem.Core.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Learning;

/// <summary>A workshop with everything it keeps.</summary>
public sealed record WorkshopView(Workshop Workshop, IReadOnlyList<WorkshopMeeting> Meetings, IReadOnlyList<Experiment> Experiments, IReadOnlyList<Proposal> Proposals, bool IsMember);

/// <summary>
/// Change workshops (veranderateliers, seed 002 "GEM Veranderstrategie"): a coordinator creates one per GEM challenge and
/// gathers its members; it starts only with at least one experience expert and one citizen among them; from then on only
/// its members edit it (members, meetings and minutes, experiments, proposals). Only coordinators record the decision on
/// a proposal. Every rule is checked here, so pages and tests meet the same answer.
/// </summary>
public sealed class Workshops(GemDbContext db, TimeProvider clock)
{
    public const string CalendarContentType = "text/calendar; charset=utf-8";

    public Task<List<Workshop>> ListAsync(Guid? regionId = null, CancellationToken ct = default) =>
        db.Set<Workshop>().AsNoTracking().Include(w => w.Members).Where(w => regionId == null || w.RegionId == regionId)
            .OrderBy(w => w.Challenge).ThenBy(w => w.Title).ToListAsync(ct);

    public async Task<WorkshopView> ReadAsync(Guid id, LearningActor? actor, CancellationToken ct = default)
    {
        var w = await db.Set<Workshop>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Workshop not found.");
        var meetings = await db.Set<WorkshopMeeting>().AsNoTracking().Where(m => m.WorkshopId == id).OrderBy(m => m.Start).ToListAsync(ct);
        var experiments = await db.Set<Experiment>().AsNoTracking().Where(e => e.WorkshopId == id).OrderBy(e => e.CreatedAt).ToListAsync(ct);
        var proposals = await db.Set<Proposal>().AsNoTracking().Where(p => p.WorkshopId == id).OrderBy(p => p.ProposedAt).ToListAsync(ct);
        return new WorkshopView(w, meetings, experiments, proposals, actor is not null && w.Members.Any(m => m.UserId == actor.UserId));
    }

    public async Task<Workshop> CreateAsync(Guid regionId, GemChallenge challenge, string? title, string? aim, LearningActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCoordinator) throw new ForbiddenException("Only a regional coordinator creates a workshop.");
        if (!Enum.IsDefined(challenge)) throw new ValidationException("Challenge", "Choose one of the nine GEM challenges.");
        var t = Required(title, LearningLimits.Title, "Title", "Give the workshop a title.");
        var workshop = new Workshop { RegionId = regionId, Challenge = challenge, Title = t, Aim = Optional(aim, LearningLimits.Text, "Aim") ?? "", CreatedAt = clock.GetUtcNow() };
        db.Add(workshop);
        await db.SaveChangesAsync(ct);
        return workshop;
    }

    /// <summary>Adds an account as a member in a role: by a member, or by a coordinator gathering the workshop.</summary>
    public async Task<WorkshopMember> AddMemberAsync(Guid workshopId, string? email, WorkshopRole role, LearningActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var workshop = await LoadAsync(workshopId, ct);
        if (!actor.IsCoordinator && !workshop.Members.Any(m => m.UserId == actor.UserId)) throw new ForbiddenException("Only members of this workshop edit it.");
        if (!Enum.IsDefined(role)) throw new ValidationException("Role", "Choose a role.");
        var address = email?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(address)) throw new ValidationException("Email", "Give the e-mail address of the account.");
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == address).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefaultAsync(ct)
            ?? throw new ValidationException("Email", "No account has this e-mail address; ask the person to register first.");
        if (workshop.Members.Any(m => m.UserId == user.Id)) throw new ConflictException("This person is already a member.");
        var name = user.DisplayName ?? user.Email ?? "?";
        var member = new WorkshopMember { WorkshopId = workshopId, UserId = user.Id, Name = name.Length > LearningLimits.Name ? name[..LearningLimits.Name] : name, Role = role };
        db.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task RemoveMemberAsync(Guid workshopId, Guid memberId, LearningActor actor, CancellationToken ct = default)
    {
        var workshop = await MemberOnlyAsync(workshopId, actor, ct);
        var member = workshop.Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFoundException("Member not found.");
        var rest = workshop.Members.Where(m => m.Id != memberId).ToList();
        if (workshop.State == WorkshopState.Running && !HasLivedExperienceAndCitizen(rest))
            throw new ConflictException("A running workshop keeps at least one experience expert and one citizen.");
        db.Remove(member);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The rule of GEM's change workshops: people with lived experience and citizens co-own the work.</summary>
    public static bool HasLivedExperienceAndCitizen(IEnumerable<WorkshopMember> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        var roles = members.Select(m => m.Role).ToHashSet();
        return roles.Contains(WorkshopRole.ExperienceExpert) && roles.Contains(WorkshopRole.Citizen);
    }

    public async Task StartAsync(Guid workshopId, LearningActor actor, CancellationToken ct = default)
    {
        var workshop = await MemberOnlyAsync(workshopId, actor, ct);
        if (workshop.State != WorkshopState.Forming) throw new ConflictException("The workshop has already started.");
        if (!HasLivedExperienceAndCitizen(workshop.Members))
            throw new ConflictException("A workshop starts with at least one experience expert and one citizen among its members.");
        workshop.State = WorkshopState.Running;
        workshop.StartedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    public async Task CloseAsync(Guid workshopId, LearningActor actor, CancellationToken ct = default)
    {
        var workshop = await MemberOnlyAsync(workshopId, actor, ct);
        if (workshop.State != WorkshopState.Running) throw new ConflictException("Only a running workshop can be closed.");
        workshop.State = WorkshopState.Closed;
        await db.SaveChangesAsync(ct);
    }

    public async Task<WorkshopMeeting> PlanMeetingAsync(Guid workshopId, DateTimeOffset start, TimeSpan length, string? place, LearningActor actor, CancellationToken ct = default)
    {
        await MemberOnlyAsync(workshopId, actor, ct);
        if (length <= TimeSpan.Zero || length > TimeSpan.FromHours(8)) throw new ValidationException("Length", "A meeting lasts between 1 minute and 8 hours.");
        var meeting = new WorkshopMeeting { WorkshopId = workshopId, Start = start.ToUniversalTime(), End = start.ToUniversalTime() + length, Place = Optional(place, LearningLimits.Title, "Place") };
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>Minutes and decisions after a meeting; they must not identify anyone (the same check as the consultation's summaries).</summary>
    public async Task RecordMinutesAsync(Guid meetingId, string? minutes, string? decisions, LearningActor actor, CancellationToken ct = default)
    {
        var meeting = await db.Set<WorkshopMeeting>().FirstOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException("Meeting not found.");
        await MemberOnlyAsync(meeting.WorkshopId, actor, ct);
        var m = Required(minutes, LearningLimits.Text, "Minutes", "Write the minutes.");
        var d = Optional(decisions, LearningLimits.Text, "Decisions");
        if (!CaseSessions.Deidentified(m) || (d is not null && !CaseSessions.Deidentified(d)))
            throw new ValidationException("Minutes", "Remove e-mail addresses, phone numbers, postcodes, dates of birth and web addresses.");
        if (meeting.Start > clock.GetUtcNow()) throw new ConflictException("Minutes are written after the meeting has started.");
        meeting.Minutes = m;
        meeting.Decisions = d;
        await db.SaveChangesAsync(ct);
    }

    public async Task<Experiment> StartExperimentAsync(Guid workshopId, ExperimentInput input, LearningActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var workshop = await MemberOnlyAsync(workshopId, actor, ct);
        if (workshop.State != WorkshopState.Running) throw new ConflictException("Experiments run in a started workshop.");
        var experiment = input.Validate();
        experiment.WorkshopId = workshopId;
        experiment.CreatedAt = clock.GetUtcNow();
        db.Add(experiment);
        await db.SaveChangesAsync(ct);
        return experiment;
    }

    /// <summary>The PDSA "act": adopt, adapt or abandon, with the evaluation; the experiment's measuring ends today.</summary>
    public async Task ConcludeExperimentAsync(Guid experimentId, ExperimentOutcome outcome, string? evaluation, LearningActor actor, CancellationToken ct = default)
    {
        var experiment = await db.Set<Experiment>().FirstOrDefaultAsync(e => e.Id == experimentId, ct) ?? throw new NotFoundException("Experiment not found.");
        await MemberOnlyAsync(experiment.WorkshopId, actor, ct);
        if (!Enum.IsDefined(outcome)) throw new ValidationException("Outcome", "Choose adopt, adapt or abandon.");
        experiment.Outcome = outcome;
        experiment.Evaluation = Required(evaluation, LearningLimits.Text, "Evaluation", "Say what you learnt.");
        experiment.EndsOn ??= LocalTime.Day(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task<Proposal> ProposeAsync(Guid workshopId, string? title, string? text, string? phaseOut, LearningActor actor, CancellationToken ct = default)
    {
        var workshop = await MemberOnlyAsync(workshopId, actor, ct);
        if (workshop.State == WorkshopState.Forming) throw new ConflictException("A workshop proposes after it has started.");
        var proposal = new Proposal
        {
            WorkshopId = workshopId, Title = Required(title, LearningLimits.Title, "Title", "Give the proposal a title."),
            Text = Required(text, LearningLimits.Text, "Text", "Write the proposal."), PhaseOut = Optional(phaseOut, LearningLimits.Text, "PhaseOut") ?? "",
            ProposedAt = clock.GetUtcNow(),
        };
        db.Add(proposal);
        await db.SaveChangesAsync(ct);
        return proposal;
    }

    /// <summary>The decision makers' answer: only a coordinator records it, once.</summary>
    public async Task DecideAsync(Guid proposalId, ProposalDecision decision, string? text, LearningActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCoordinator) throw new ForbiddenException("Only a regional coordinator records the decision.");
        var proposal = await db.Set<Proposal>().FirstOrDefaultAsync(p => p.Id == proposalId, ct) ?? throw new NotFoundException("Proposal not found.");
        if (!Enum.IsDefined(decision)) throw new ValidationException("Decision", "Choose a decision.");
        if (proposal.Decision is not null) throw new ConflictException("This proposal has been decided.");
        proposal.Decision = decision;
        proposal.DecisionText = Required(text, LearningLimits.Text, "DecisionText", "Explain the decision.");
        proposal.DecidedByUserId = actor.UserId;
        proposal.DecidedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The workshop's meetings as a calendar (Ical.Net, as Groups and the consultation's case sessions).</summary>
    public static string Ics(Workshop workshop, IEnumerable<WorkshopMeeting> meetings)
    {
        ArgumentNullException.ThrowIfNull(workshop);
        ArgumentNullException.ThrowIfNull(meetings);
        var calendar = new Calendar { ProductId = "-//Gem//Learning//NL" };
        calendar.AddProperty("X-WR-CALNAME", "Veranderatelier: " + workshop.Title);
        foreach (var m in meetings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = m.Id + "@gem-learning",
                Summary = "Veranderatelier: " + workshop.Title,
                Description = workshop.Aim,
                Location = m.Place,
                DtStart = new CalDateTime(m.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(m.End.UtcDateTime, "UTC"),
                DtStamp = new CalDateTime(m.Start.UtcDateTime, "UTC"),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private async Task<Workshop> LoadAsync(Guid workshopId, CancellationToken ct) =>
        await db.Set<Workshop>().Include(w => w.Members).FirstOrDefaultAsync(w => w.Id == workshopId, ct) ?? throw new NotFoundException("Workshop not found.");

    private async Task<Workshop> MemberOnlyAsync(Guid workshopId, LearningActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var workshop = await LoadAsync(workshopId, ct);
        if (!workshop.Members.Any(m => m.UserId == actor.UserId)) throw new ForbiddenException("Only members of this workshop edit it.");
        return workshop;
    }

    internal static string Required(string? value, int max, string field, string message)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) throw new ValidationException(field, message);
        if (v.Length > max) throw new ValidationException(field, $"At most {max} characters.");
        return v;
    }

    internal static string? Optional(string? value, int max, string field)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        if (v.Length > max) throw new ValidationException(field, $"At most {max} characters.");
        return v;
    }
}

/// <summary>What a workshop fills in to start an experiment; <see cref="Validate"/> is the one validation.</summary>
public sealed record ExperimentInput(string? Title, string? Change, string? Prediction, MeasureKind Outcome, MeasureKind? Process, MeasureKind? Balancing,
    Atlas.Sector? Sector, PointInterval Interval, DateOnly BaselineFrom, DateOnly ChangeFrom)
{
    public Experiment Validate()
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message) { if (!ok) errors[field] = [message]; }
        Check(!string.IsNullOrWhiteSpace(Title) && Title.Trim().Length <= LearningLimits.Title, nameof(Title), "Give the experiment a title (at most 200 characters).");
        Check(!string.IsNullOrWhiteSpace(Change) && Change.Trim().Length <= LearningLimits.Text, nameof(Change), "Describe the change you try.");
        Check(!string.IsNullOrWhiteSpace(Prediction) && Prediction.Trim().Length <= LearningLimits.Text, nameof(Prediction), "Write down what you predict.");
        Check(Enum.IsDefined(Outcome), nameof(Outcome), "Choose the outcome measure.");
        Check(Process is null || Enum.IsDefined(Process.Value), nameof(Process), "Choose a process measure.");
        Check(Balancing is null || Enum.IsDefined(Balancing.Value), nameof(Balancing), "Choose a balancing measure.");
        Check(Enum.IsDefined(Interval), nameof(Interval), "Choose weeks or months.");
        MeasureKind?[] measures = [Outcome, Process, Balancing];
        Check(!measures.Contains(MeasureKind.SectorStarts) || Sector is not null, nameof(Sector), "Choose the sector whose starts you measure.");
        Check(ChangeFrom > BaselineFrom, nameof(ChangeFrom), "The change starts after the baseline period begins.");
        var minimum = Interval == PointInterval.Month ? BaselineFrom.AddMonths(3) : BaselineFrom.AddDays(7 * 6);
        Check(ChangeFrom >= minimum, nameof(BaselineFrom), "The baseline needs at least 3 months or 6 weeks of points.");
        if (errors.Count > 0) throw new ValidationException(errors);
        return new Experiment
        {
            Title = Title!.Trim(), Change = Change!.Trim(), Prediction = Prediction!.Trim(), OutcomeMeasure = Outcome, ProcessMeasure = Process, BalancingMeasure = Balancing,
            Sector = Sector, Interval = Interval, BaselineFrom = BaselineFrom, ChangeFrom = ChangeFrom,
        };
    }
}
