using Gem.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Pages.Community;

/// <summary>Full-text search over the visible posts in the spaces this person may read.</summary>
[Authorize]
public sealed class SearchModel(CommunityService community, CommunitySearch search, TimeProvider clock) : CommunityPageModel(community, clock)
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Words { get; set; }
    public List<SearchHit> Hits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (NeedsHandle() is { } join) return join;
        if (!Paused && !string.IsNullOrWhiteSpace(Words)) Hits = await search.SearchAsync(Viewer, Words, ct: ct);
        return Page();
    }
}
