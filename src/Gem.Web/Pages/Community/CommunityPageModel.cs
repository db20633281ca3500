using Gem.Core.Community;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Community;

/// <summary>What every community page knows: who is looking (<see cref="CommunityViewer"/>) and whether they take a break.</summary>
public abstract class CommunityPageModel(CommunityService community, TimeProvider clock) : PageModel
{
    public CommunityViewer Viewer { get; private set; } = CommunityViewer.Anonymous;
    public bool Paused => Viewer.IsPaused(clock.GetUtcNow());
    public Dictionary<string, string[]> Errors { get; } = [];

    protected CommunityService Community => community;
    protected DateTimeOffset Now => clock.GetUtcNow();

    protected async Task LoadViewerAsync(CancellationToken ct) =>
        Viewer = await community.ViewerAsync(User.Identity?.IsAuthenticated == true ? User.UserId() : null, ct);

    /// <summary>Signed in but without a handle (and neither staff nor moderator): take one first.</summary>
    protected IActionResult? NeedsHandle() =>
        Viewer.Member is null && Viewer.StaffPartnerId is null && !Viewer.IsModerator ? Redirect("/community/lid-worden") : null;

    protected void Fail(ValidationException e)
    {
        foreach (var (k, v) in e.Errors) Errors[k] = v;
    }
}
