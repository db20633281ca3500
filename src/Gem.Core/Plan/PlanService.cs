using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Plan;

/// <summary>What the plan shows about an enrolment: where I started and what I do now.</summary>
public sealed record EnrolmentLine(Guid Id, string OfferName, string PartnerName, DateTimeOffset Start, EnrolmentStatus Status, DateTimeOffset CreatedAt);

public sealed record PlanText(string? WhereIStarted, string? WhatHelps);
public sealed record StoryText(string? Story, bool ShareAnonymously);
public sealed record CrisisPlanText(string? EarlySigns, string? WhatIDo, string? WhatOthersDo, string? WhoToCall, string? WhatNotToDo);
public sealed record CheckInInput(int Connectedness, int Hope, int Identity, int Meaning, int Empowerment, int QualityOfLife, int Participation, int PeopleICanCountOn);

/// <summary>Reads and changes one person's plan. Callers pass the owner's id; others read through <see cref="PlanAccess"/> first.</summary>
public sealed class PlanService(GemDbContext db, TimeProvider clock)
{
    public async Task<PersonalPlan> GetAsync(Guid ownerId, CancellationToken ct = default) =>
        await db.Set<PersonalPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == ownerId, ct) ?? new PersonalPlan { UserId = ownerId };

    public Task<List<Goal>> GoalsAsync(Guid ownerId, CancellationToken ct = default) =>
        db.Set<Goal>().AsNoTracking().Where(g => g.OwnerId == ownerId).OrderBy(g => g.CreatedAt).ToListAsync(ct);

    public Task<List<CheckIn>> CheckInsAsync(Guid ownerId, CancellationToken ct = default) =>
        db.Set<CheckIn>().AsNoTracking().Where(c => c.OwnerId == ownerId).OrderBy(c => c.At).ToListAsync(ct);

    public async Task<List<EnrolmentLine>> EnrolmentsAsync(Guid ownerId, CancellationToken ct = default)
    {
        var rows = await db.Enrolments.AsNoTracking().Where(e => e.UserId == ownerId)
            .Select(e => new { e.Id, Offer = e.Offer!.Name, Partner = e.Offer.Partner!.Name, e.Session!.Start, e.Status, e.CreatedAt })
            .ToListAsync(ct);
        return rows.Select(r => new EnrolmentLine(r.Id, r.Offer, r.Partner, r.Start, r.Status, r.CreatedAt)).OrderBy(r => r.CreatedAt).ToList();
    }

    public Task SavePlanAsync(Guid ownerId, PlanText text, CancellationToken ct = default) => ChangeAsync(ownerId, p =>
    {
        p.WhereIStarted = TextInput.Optional(text.WhereIStarted, PlanLimits.Text, "WhereIStarted");
        p.WhatHelps = TextInput.Optional(text.WhatHelps, PlanLimits.Text, "WhatHelps");
    }, ct);

    public Task SaveStoryAsync(Guid ownerId, StoryText text, CancellationToken ct = default) => ChangeAsync(ownerId, p =>
    {
        p.Story = TextInput.Optional(text.Story, PlanLimits.Story, "Story");
        p.ShareStoryAnonymously = text.ShareAnonymously && p.Story is not null;
    }, ct);

    public Task SaveCrisisPlanAsync(Guid ownerId, CrisisPlanText c, CancellationToken ct = default) => ChangeAsync(ownerId, p =>
    {
        p.EarlySigns = TextInput.Optional(c.EarlySigns, PlanLimits.Text, "EarlySigns");
        p.CrisisWhatIDo = TextInput.Optional(c.WhatIDo, PlanLimits.Text, "WhatIDo");
        p.CrisisWhatOthersDo = TextInput.Optional(c.WhatOthersDo, PlanLimits.Text, "WhatOthersDo");
        p.CrisisWhoToCall = TextInput.Optional(c.WhoToCall, PlanLimits.Text, "WhoToCall");
        p.CrisisWhatNotToDo = TextInput.Optional(c.WhatNotToDo, PlanLimits.Text, "WhatNotToDo");
    }, ct);

    public async Task<Goal> AddGoalAsync(Guid ownerId, string text, CancellationToken ct = default)
    {
        var goal = new Goal { OwnerId = ownerId, Text = TextInput.Optional(text, PlanLimits.Goal, "Text") ?? throw new ValidationException("Text", "Write a goal."), CreatedAt = clock.GetUtcNow() };
        db.Set<Goal>().Add(goal);
        await db.SaveChangesAsync(ct);
        return goal;
    }

    public async Task RemoveGoalAsync(Guid ownerId, Guid goalId, CancellationToken ct = default)
    {
        var goal = await db.Set<Goal>().FirstOrDefaultAsync(g => g.Id == goalId && g.OwnerId == ownerId, ct) ?? throw new NotFoundException("Goal not found.");
        db.Set<Goal>().Remove(goal);
        await db.SaveChangesAsync(ct);
    }

    public async Task<CheckIn> AddCheckInAsync(Guid ownerId, CheckInInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string name, int value, int max) { if (value < 0 || value > max) errors[name] = [$"0–{max}"]; }
        Check(nameof(input.Connectedness), input.Connectedness, 10);
        Check(nameof(input.Hope), input.Hope, 10);
        Check(nameof(input.Identity), input.Identity, 10);
        Check(nameof(input.Meaning), input.Meaning, 10);
        Check(nameof(input.Empowerment), input.Empowerment, 10);
        Check(nameof(input.QualityOfLife), input.QualityOfLife, 10);
        Check(nameof(input.Participation), input.Participation, 10);
        Check(nameof(input.PeopleICanCountOn), input.PeopleICanCountOn, 100);
        if (errors.Count > 0) throw new ValidationException(errors);
        var checkIn = new CheckIn
        {
            OwnerId = ownerId, At = clock.GetUtcNow(), Connectedness = input.Connectedness, Hope = input.Hope, Identity = input.Identity,
            Meaning = input.Meaning, Empowerment = input.Empowerment, QualityOfLife = input.QualityOfLife, Participation = input.Participation,
            PeopleICanCountOn = input.PeopleICanCountOn,
        };
        db.Set<CheckIn>().Add(checkIn);
        await db.SaveChangesAsync(ct);
        return checkIn;
    }

    /// <summary>
    /// Links an enrolment made without an account to this account: the token from the enrolment's mail and the
    /// same (confirmed) e-mail address are both needed. Any mismatch answers "not found".
    /// </summary>
    public async Task<Enrolment> ClaimEnrolmentAsync(Guid ownerId, string confirmedEmail, string token, CancellationToken ct = default)
    {
        var t = token.Trim();
        var enrolment = await db.Enrolments.FirstOrDefaultAsync(e => e.Token == t, ct);
        if (enrolment is null || enrolment.Email is null || (enrolment.UserId is { } u && u != ownerId)
            || !string.Equals(enrolment.Email.Trim(), confirmedEmail.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new NotFoundException("Enrolment not found.");
        enrolment.UserId = ownerId;
        await db.SaveChangesAsync(ct);
        return enrolment;
    }

    private async Task ChangeAsync(Guid ownerId, Action<PersonalPlan> change, CancellationToken ct)
    {
        var plan = await db.Set<PersonalPlan>().FirstOrDefaultAsync(p => p.UserId == ownerId, ct);
        if (plan is null)
        {
            plan = new PersonalPlan { UserId = ownerId };
            db.Set<PersonalPlan>().Add(plan);
        }
        change(plan);
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }
}
