using Gem.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Pages.Community;

/// <summary>
/// The member's own page: their handle, their posts and what happened to them, every moderation action with its reason
/// and an appeal, "pauze nemen", leaving (delete or anonymise) and the export.
/// </summary>
[Authorize]
public sealed class MineModel(CommunityService community, Moderation moderation, TimeProvider clock) : CommunityPageModel(community, clock)
{
    public List<CommunityPost> Posts { get; private set; } = [];
    public List<ModerationAction> Actions { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (Viewer.Member is null) return Redirect("/community/lid-worden");
        Saved = saved;
        Posts = await Community.OwnPostsAsync(User.UserId(), ct);
        Actions = await Community.ActionsAboutAsync(User.UserId(), ct);
        return Page();
    }

    public Task<IActionResult> OnPostAppealAsync(Guid actionId, string? appeal, CancellationToken ct) =>
        ChangeAsync(() => moderation.AppealAsync(User.UserId(), actionId, appeal, ct), ct);

    public Task<IActionResult> OnPostPauseAsync(int days, CancellationToken ct) =>
        ChangeAsync(() => Community.PauseAsync(User.UserId(), days, ct), ct);

    public Task<IActionResult> OnPostNaasteAsync(bool isNaaste, CancellationToken ct) =>
        ChangeAsync(() => Community.SetNaasteAsync(User.UserId(), isNaaste, ct), ct);

    public async Task<IActionResult> OnPostLeaveAsync(string? mode, CancellationToken ct)
    {
        if (mode is not ("delete" or "anonymise"))
        {
            Errors["Mode"] = ["Choose."];
            return await OnGetAsync(false, ct);
        }
        await Community.LeaveAsync(User.UserId(), mode == "delete", ct);
        return Redirect("/community?verlaten=true");
    }

    private async Task<IActionResult> ChangeAsync(Func<Task> change, CancellationToken ct)
    {
        try
        {
            await change();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException e)
        {
            Fail(e);
            return await OnGetAsync(false, ct);
        }
        catch (ConflictException)
        {
            Errors["Conflict"] = ["Conflict."];
            return await OnGetAsync(false, ct);
        }
        return Redirect("/community/mijn?saved=true");
    }
}
