using Gem.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Pages.Community;

/// <summary>
/// The moderators' queue: held posts (crisis first), hidden and flagged posts, and appeals. Every action needs a reason
/// the member reads. In spaces of their own organisation a moderator sees the post but cannot act.
/// </summary>
[Authorize]
public sealed class ModerateModel(CommunityService community, Moderation moderation, TimeProvider clock) : CommunityPageModel(community, clock)
{
    public List<QueueItem> Queue { get; private set; } = [];
    public List<AppealItem> Appeals { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (!Viewer.IsModerator) return NotFound();
        Saved = saved;
        Queue = await moderation.QueueAsync(Viewer, ct);
        Appeals = await moderation.AppealsAsync(Viewer, ct);
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid postId, string? reason, CancellationToken ct) =>
        ActAsync(() => moderation.ApproveAsync(Viewer, postId, reason, ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid postId, string? reason, bool strike, CancellationToken ct) =>
        ActAsync(() => moderation.RemoveAsync(Viewer, postId, reason, strike, ct), ct);

    public Task<IActionResult> OnPostEscalateAsync(Guid postId, string? reason, CancellationToken ct) =>
        ActAsync(() => moderation.EscalateAsync(Viewer, postId, reason, ct), ct);

    public Task<IActionResult> OnPostDecideAsync(Guid actionId, bool overturn, string? answer, CancellationToken ct) =>
        ActAsync(() => moderation.DecideAppealAsync(Viewer, actionId, overturn, answer, ct), ct);

    public Task<IActionResult> OnPostDutyAsync(bool onDuty, CancellationToken ct) =>
        ActAsync(() => moderation.SetOnDutyAsync(User.UserId(), onDuty, ct), ct);

    private async Task<IActionResult> ActAsync(Func<Task> act, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (!Viewer.IsModerator) return NotFound();
        try
        {
            await act();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (e is ValidationException or ForbiddenException or ConflictException)
        {
            Errors["Action"] = [e.Message];
            return await OnGetAsync(false, ct);
        }
        return Redirect("/community/moderatie?saved=true");
    }
}
