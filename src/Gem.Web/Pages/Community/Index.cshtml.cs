using Gem.Core.Community;

namespace Gem.Web.Pages.Community;

/// <summary>The community's front page: what it is, the moderated hours, and the spaces this person may enter.</summary>
public sealed class IndexModel(CommunityService community, TimeProvider clock) : CommunityPageModel(community, clock)
{
    public List<CommunitySpace> Spaces { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (!Paused) Spaces = await Community.SpacesAsync(Viewer, ct);
    }
}
