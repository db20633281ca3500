using Gem.Core.Consent;
using Gem.Core.Diary;
using Gem.Web.Diary;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Diary;

/// <summary>
/// Propose a diary to a person (/plan/{personId}/dagboek/voorstel): for someone the person shares "Dagboek" with. Without
/// that consent the page answers 403 with a readable message and stores nothing. The proposer sees only the state of
/// their latest proposal: voorgesteld, aangenomen or afgewezen.
/// </summary>
[Authorize]
public sealed class ProposeModel(DiaryProposals proposals, DiaryService diaries, PlanAccess access) : PageModel, IDiarySettingsForm
{
    public Guid PersonId { get; private set; }
    public DiaryProposalState? State { get; private set; }
    public bool Refused { get; private set; }
    public string? Error { get; private set; }
    public bool Sent { get; private set; }

    [BindProperty] public int Days { get; set; }
    [BindProperty] public string WakeFrom { get; set; } = "";
    [BindProperty] public string WakeUntil { get; set; } = "";
    [BindProperty] public int PerDay { get; set; }
    [BindProperty] public int MinGap { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid personId, bool sent)
    {
        PersonId = personId;
        // Reading the consents only (no data of the person): the POST checks again, and logs.
        if (personId == User.UserId() || !(await access.SharedWithAsync(personId, User.UserId(), HttpContext.RequestAborted)).Contains(DataCategory.Diary))
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        Sent = sent;
        DiarySettingsForm.Fill(this, diaries.Defaults());
        State = await proposals.LatestStateAsync(personId, User.UserId(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId)
    {
        PersonId = personId;
        var me = User.UserId();
        try
        {
            await proposals.ProposeAsync(personId, me, DiarySettingsForm.Read(this), Note, HttpContext.RequestAborted);
            return Redirect($"/plan/{personId}/dagboek/voorstel?sent=true");
        }
        catch (ForbiddenException)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        catch (ValidationException)
        {
            Error = "Propose.Invalid";
        }
        catch (ConflictException)
        {
            Error = "Propose.AlreadyOpen";
        }
        State = await proposals.LatestStateAsync(personId, me, HttpContext.RequestAborted);
        return Page();
    }
}
