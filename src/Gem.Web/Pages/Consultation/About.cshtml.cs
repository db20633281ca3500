using Gem.Core.Consent;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Consultation;

/// <summary>
/// The plan's category "Vragen aan de specialist" (/plan/{personId}/vragen): the consultations about a person, for the person or
/// for someone they share the category with. As every category of the plan (Pages/Plan/View), each request goes through
/// <see cref="PlanAccess"/>: consent from the database, one access-log record, "not found" when refused.
/// </summary>
[Authorize]
public sealed class AboutModel(PlanAccess access, ConsultationService consultations, GemDbContext db) : PageModel
{
    public bool IsSelf { get; private set; }
    public string PersonName { get; private set; } = "";
    public List<ConsultationView> Consultations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid personId)
    {
        try
        {
            IsSelf = (await access.RequireAsync(personId, User.UserId(), DataCategory.Consultation, AccessAction.Read, HttpContext.RequestAborted)).IsSelf;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        PersonName = await db.Users.Where(u => u.Id == personId).Select(u => u.DisplayName ?? "").FirstOrDefaultAsync() ?? "";
        Consultations = await consultations.AboutAsync(personId, User.UserId());
        return Page();
    }
}
