using Gem.Core;
using Gem.Core.Consent;
using Gem.Core.Plan;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Plan;

/// <summary>My plan: where I started and what I do now, what helps me, my goals, my story, my check-ins, and the people whose plans I may see.</summary>
[Authorize(Policy = PlanSetup.CitizenPolicy)]
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
    [BindProperty] public CheckInInput? CheckIn { get; set; }

    public Task OnGetAsync(string? saved)
    {
        Saved = saved;
        return LoadAsync();
    }

    public Task<IActionResult> OnPostPlanAsync() => Do(id => plans.SavePlanAsync(id, new PlanText(WhereIStarted, WhatHelps)));
    public Task<IActionResult> OnPostStoryAsync() => Do(id => plans.SaveStoryAsync(id, new StoryText(Story, ShareAnonymously)));
    public Task<IActionResult> OnPostGoalAsync() => Do(id => plans.AddGoalAsync(id, GoalText ?? ""));
    public Task<IActionResult> OnPostRemoveGoalAsync(Guid goalId) => Do(id => plans.RemoveGoalAsync(id, goalId));
    public Task<IActionResult> OnPostCheckInAsync() => Do(id => CheckIn is null ? throw new ValidationException("CheckIn", "Fill in the check-in.") : plans.AddCheckInAsync(id, CheckIn));

    private async Task<IActionResult> Do(Func<Guid, Task> change)
    {
        try
        {
            await change(User.UserId());
        }
        catch (ValidationException)
        {
            Error = "Error.Invalid";
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
