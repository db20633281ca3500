using Gem.Core;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Plan;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Plan;

/// <summary>
/// One category of a person's plan, for the person or for someone they share it with. Every request goes
/// through <see cref="PlanAccess"/>: consent from the database, one access-log record, "not found" when refused.
/// Categories a capability shows itself have their own page on a more specific route: "dagboek" (Pages/Diary/Week), "vragen"
/// (Pages/Consultation/About).
/// </summary>
[Authorize]
public sealed class ViewModel(PlanAccess access, PlanService plans, GemDbContext db, IStringLocalizer<PlanResource> P) : PageModel
{
    public DataCategory Category { get; private set; }
    public bool IsSelf { get; private set; }
    public string PersonName { get; private set; } = "";
    public PersonalPlan Plan { get; private set; } = new();
    public List<Goal> Goals { get; private set; } = [];
    public List<CheckIn> CheckIns { get; private set; } = [];
    public List<EnrolmentLine> Enrolments { get; private set; } = [];
    public string Chart { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid personId, string category)
    {
        if (PlanSetup.FromSlug(category) is not { } c) return NotFound();
        Category = c;
        try
        {
            IsSelf = (await access.RequireAsync(personId, User.UserId(), c, AccessAction.Read, HttpContext.RequestAborted)).IsSelf;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        PersonName = await db.Users.Where(u => u.Id == personId).Select(u => u.DisplayName ?? "").FirstOrDefaultAsync() ?? "";
        switch (c)
        {
            case DataCategory.Plan or DataCategory.Story or DataCategory.CrisisPlan:
                Plan = await plans.GetAsync(personId);
                break;
            case DataCategory.Goals:
                Goals = await plans.GoalsAsync(personId);
                break;
            case DataCategory.CheckIns:
                CheckIns = await plans.CheckInsAsync(personId);
                Chart = CheckInChart.Render(CheckIns, CheckInChart.DefaultSeries(k => P["CheckIn." + k]), P["CheckIn.ChartTitle"]);
                break;
            case DataCategory.Enrolments:
                Enrolments = await plans.EnrolmentsAsync(personId);
                break;
        }
        return Page();
    }
}
