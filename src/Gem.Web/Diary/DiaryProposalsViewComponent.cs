using Gem.Core.Diary;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Diary;

/// <summary>
/// The person's open diary proposals: a list on /mijn/dagboek, one notice line on /mijn (view "Notice"). A component,
/// so the pages it sits on each carry one line for it.
/// </summary>
public sealed class DiaryProposalsViewComponent(DiaryProposals proposals) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool notice = false)
    {
        var open = await proposals.OpenForAsync(UserClaimsPrincipal.UserId(), HttpContext.RequestAborted);
        if (open.Count == 0) return Content("");
        return View(notice ? "Notice" : "Default", open);
    }
}
