using Gem.Core.Diary;
using Gem.Web.Diary;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Diary;

/// <summary>
/// A diary proposed to me (/mijn/dagboek/voorstel/{id}): who proposed it, their note and the settings, which I can change
/// before I accept; accepting starts my diary, declining has no consequences.
/// </summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class ProposalModel(DiaryProposals proposals) : PageModel, IDiarySettingsForm
{
    public DiaryProposal? Proposal { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public int Days { get; set; }
    [BindProperty] public string WakeFrom { get; set; } = "";
    [BindProperty] public string WakeUntil { get; set; } = "";
    [BindProperty] public int PerDay { get; set; }
    [BindProperty] public int MinGap { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Proposal = await proposals.FindOwnAsync(User.UserId(), id, HttpContext.RequestAborted);
        if (Proposal is null) return NotFound();
        DiarySettingsForm.Fill(this, Proposal.Input());
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id)
    {
        try
        {
            await proposals.AcceptAsync(User.UserId(), id, DiarySettingsForm.Read(this), HttpContext.RequestAborted);
            return Redirect("/mijn/dagboek?done=started");
        }
        catch (ValidationException)
        {
            Error = "Proposal.Invalid";
        }
        catch (ConflictException)
        {
            Error = "Proposal.Running";
        }
        catch (NotFoundException)
        {
            Error = "Proposal.Gone";
        }
        Proposal = await proposals.FindOwnAsync(User.UserId(), id, HttpContext.RequestAborted);
        return Proposal is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id)
    {
        try
        {
            await proposals.DeclineAsync(User.UserId(), id, HttpContext.RequestAborted);
        }
        catch (NotFoundException)
        {
            // Already answered: the page shows how.
        }
        return Redirect($"/mijn/dagboek/voorstel/{id}");
    }
}
