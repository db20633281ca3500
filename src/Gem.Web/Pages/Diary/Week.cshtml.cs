using Gem.Core.Atlas;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.FrontDoor;
using Gem.Web.FrontDoor;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Diary;

/// <summary>
/// "Jouw week" (/mijn/dagboek/week), and the same figures for someone the person shares the category "Dagboek" with
/// (/plan/{personId}/dagboek): every such read goes through <see cref="PlanAccess"/> (consent from the database, one
/// access-log record, "not found" when refused). Someone else sees the figures, never the single moments.
/// </summary>
[Authorize]
public sealed class WeekModel(PlanAccess access, DiaryService diaries, GemDbContext db, TimeProvider clock) : PageModel
{
    public bool IsSelf { get; private set; }
    public string PersonName { get; private set; } = "";
    public PersonalDiary? Diary { get; private set; }
    public DiaryWeekFigures? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? personId)
    {
        var me = User.UserId();
        var subject = personId ?? me;
        if (personId is null && !User.IsInRole(Gem.Core.Identity.Roles.Citizen)) return Forbid();
        try
        {
            IsSelf = (await access.RequireAsync(subject, me, DataCategory.Diary, AccessAction.Read, HttpContext.RequestAborted)).IsSelf;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        PersonName = await db.Users.Where(u => u.Id == subject).Select(u => u.DisplayName ?? "").FirstOrDefaultAsync() ?? "";
        Diary = await diaries.CurrentAsync(subject);
        if (Diary is not null) Figures = DiaryWeek.Compute(await diaries.MomentsAsync(Diary.Id), clock.GetUtcNow());
        return Page();
    }

    /// <summary>The front-door results that fit one finding (<see cref="DiaryOfferFits"/>): its life domains and wishes as the front door's own answers.</summary>
    public string OfferHref(DiaryFinding finding)
    {
        var fit = DiaryOfferFits.For(finding, Figures?.Moments ?? []);
        var query = new FrontDoorQuery
        {
            Domain = [.. Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None && fit.Domains.HasFlag(d))],
            Wish = [.. Enum.GetValues<Wishes>().Where(w => w != Wishes.None && fit.Wishes.HasFlag(w))],
        };
        return "/voorportaal/hulp?" + query.ToQueryString();
    }
}
