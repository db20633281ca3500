using Gem.Core.Community;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Community;

/// <summary>
/// The region appoints its moderators (decision 902): experience experts who moderate day to day and professionals they
/// escalate to, who also get crisis alerts when nobody is on duty. Coordinators and admins only.
/// </summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class ModeratorsModel(Moderation moderation) : PageModel
{
    public List<(CommunityModerator Moderator, string? Email)> Roster { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public ModeratorKind Kind { get; set; } = ModeratorKind.ExperienceExpert;
    public bool Saved { get; private set; }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        Roster = await moderation.RosterAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        try
        {
            await moderation.AddModeratorAsync(Email, Kind, ct);
            return Redirect("/community/moderatoren?saved=true");
        }
        catch (ValidationException e)
        {
            Errors = new(e.Errors);
            Roster = await moderation.RosterAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid moderatorId, CancellationToken ct)
    {
        await moderation.RemoveModeratorAsync(moderatorId, ct);
        return Redirect("/community/moderatoren?saved=true");
    }
}
