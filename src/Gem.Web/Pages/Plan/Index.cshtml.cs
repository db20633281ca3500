using Gem.Core;
using Gem.Core.Consent;
using Gem.Core.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Plan;

/// <summary>My plan: where I started and what I do now, what helps me, my goals, my story, my check-ins, and the people whose plans I may see.</summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class IndexModel(PlanService plans, ResourceGroup group, PlanAccess access, IStringLocalizer<PlanResource> P) : PageModel
{
    public PersonalPlan Plan { get; private set; } = new();
    public List<Goal> Goals { get; private set; } = [];
    public List<CheckIn> CheckIns { get; private set; } = [];
    public List<EnrolmentLine> Enrolments { get; private set; } = [];
    public List<(Guid OwnerId, string OwnerName, MemberRole Role, IReadOnlyList<DataCategory> Shared)> Memberships { get; } = [];
    public string Chart { get; private set; } = "";
    public string? Error { get; private set; }
    public string? Saved { get; private set; }
    public Guid Me => User.UserId();

    [BindProperty] public string? WhereIStarted { get; set; }
    [BindProperty] public string? WhatHelps { get; set; }
    [BindProperty] public string? Story { get; set; }
    [BindProperty] public bool ShareAnonymously { get; set; }
    [BindProperty] public string? GoalText { get; set; }
    [BindProperty] public CheckInForm CheckIn { get; set; } = new();

    /// <summary>Set after accepting an invitation: the name of the person whose kring one just joined.</summary>
    public string? Joined { get; private set; }
    public bool Left { get; private set; }

    public async Task OnGetAsync(string? saved, Guid? joined, bool left = false)
    {
        Saved = saved;
        Left = left;
        await LoadAsync();
        Joined = Memberships.Where(m => m.OwnerId == joined).Select(m => m.OwnerName).FirstOrDefault();
    }

    /// <summary>Leave someone's kring: the membership and every consent given to it end.</summary>
    public async Task<IActionResult> OnPostLeaveAsync(Guid ownerId)
    {
        try
        {
            await group.LeaveAsync(User.UserId(), ownerId);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Redirect("/mijn?left=true");
    }

    public Task<IActionResult> OnPostPlanAsync() => Do(id => plans.SavePlanAsync(id, new PlanText(WhereIStarted, WhatHelps)));
    public Task<IActionResult> OnPostStoryAsync() => Do(id => plans.SaveStoryAsync(id, new StoryText(Story, ShareAnonymously)));
    public Task<IActionResult> OnPostGoalAsync() => Do(id => plans.AddGoalAsync(id, GoalText ?? ""));
    public Task<IActionResult> OnPostRemoveGoalAsync(Guid goalId) => Do(id => plans.RemoveGoalAsync(id, goalId));
    /// <summary>
    /// Nothing is pre-filled and every question needs an answer of the person's own: an unchanged form stores no
    /// check-in (issue 13 item 7), so nothing fake is shared or counted on the dashboard.
    /// </summary>
    public Task<IActionResult> OnPostCheckInAsync() =>
        Do(id => CheckIn.ToInput() is { } input ? plans.AddCheckInAsync(id, input) : throw new ValidationException("CheckIn", "Answer every question."), "CheckIn.Missing");

    private async Task<IActionResult> Do(Func<Guid, Task> change, string error = "Error.Invalid")
    {
        try
        {
            await change(User.UserId());
        }
        catch (ValidationException)
        {
            Error = error;
            await LoadAsync();
            return Page();
        }
        return Redirect("/mijn?saved=1");
    }

    private async Task LoadAsync()
    {
        var me = User.UserId();
        Plan = await plans.GetAsync(me);
        Goals = await plans.GoalsAsync(me);
        CheckIns = await plans.CheckInsAsync(me);
        Enrolments = await plans.EnrolmentsAsync(me);
        WhereIStarted = Plan.WhereIStarted;
        WhatHelps = Plan.WhatHelps;
        Story = Plan.Story;
        ShareAnonymously = Plan.ShareStoryAnonymously;
        Chart = CheckInChart.Render(CheckIns, CheckInChart.DefaultSeries(k => P["CheckIn." + k]), P["CheckIn.ChartTitle"]);
        foreach (var (ownerId, name, role) in await group.MembershipsAsync(me))
            Memberships.Add((ownerId, name, role, await access.SharedWithAsync(ownerId, me)));
    }
}

/// <summary>The check-in as typed: every answer may be missing until the person gives one.</summary>
public sealed class CheckInForm
{
    public int? Connectedness { get; set; }
    public int? Hope { get; set; }
    public int? Identity { get; set; }
    public int? Meaning { get; set; }
    public int? Empowerment { get; set; }
    public int? QualityOfLife { get; set; }
    public int? Participation { get; set; }
    public int? PeopleICanCountOn { get; set; }

    /// <summary>The answers, or null when any is missing (range checks stay with <see cref="PlanService"/>).</summary>
    public CheckInInput? ToInput() =>
        Connectedness is { } c && Hope is { } h && Identity is { } i && Meaning is { } m && Empowerment is { } e
        && QualityOfLife is { } q && Participation is { } p && PeopleICanCountOn is { } n
            ? new CheckInInput(c, h, i, m, e, q, p, n)
            : null;
}
