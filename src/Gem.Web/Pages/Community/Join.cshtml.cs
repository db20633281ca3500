using Gem.Core.Community;
using Gem.Web.Community;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Pages.Community;

/// <summary>Taking a handle: a name of one's own choosing, separate from the account; nothing else is asked.</summary>
[Authorize]
public sealed class JoinModel(CommunityService community, AbuseLimits limits, TimeProvider clock) : CommunityPageModel(community, clock)
{
    [BindProperty] public string? Handle { get; set; }
    [BindProperty] public bool IsNaaste { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        return Viewer.Member is not null ? Redirect("/community") : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await limits.EnsureAsync([(CommunityModule.JoinPerIp, AbuseLimits.ClientOf(HttpContext))], ct);
        try
        {
            await Community.JoinAsync(User.UserId(), Handle, IsNaaste, ct);
            return Redirect("/community");
        }
        catch (ValidationException e)
        {
            Fail(e);
        }
        catch (ConflictException)
        {
            return Redirect("/community");
        }
        await LoadViewerAsync(ct);
        return Page();
    }
}
