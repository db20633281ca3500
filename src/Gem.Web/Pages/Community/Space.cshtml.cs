using Gem.Core.Community;
using Gem.Web.Community;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Pages.Community;

/// <summary>A space: its threads, newest activity first, and the form to start a thread (for those who may write here).</summary>
[Authorize]
public sealed class SpaceModel(CommunityService community, AbuseLimits limits, TimeProvider clock) : CommunityPageModel(community, clock)
{
    public CommunitySpace Space { get; private set; } = null!;
    public List<ThreadSummary> Threads { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public int Pages { get; private set; } = 1;
    public AuthorKind? WritesAs { get; private set; }

    [BindProperty] public string? ThreadTitle { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Warning { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, int pagina, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (NeedsHandle() is { } join) return join;
        return await LoadAsync(slug, pagina, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (NeedsHandle() is { } join) return join;
        if (!await LoadAsync(slug, 1, ct)) return NotFound();
        if (WritesAs is null) return Forbid();
        await limits.PostingAsync(HttpContext, Viewer.UserId!.Value, ct);
        try
        {
            var result = await Community.CreateThreadAsync(Viewer, Space.Id, ThreadTitle, Body, Warning, ct);
            return Redirect($"/community/draad/{result.ThreadId}?geplaatst={result.PostId}");
        }
        catch (ValidationException e)
        {
            Fail(e);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string slug, int page, CancellationToken ct)
    {
        if (Paused) return true;
        try
        {
            Space = await Community.SpaceAsync(slug, Viewer, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        (Threads, Pages) = await Community.ThreadsAsync(Space, Math.Max(1, page), ct);
        PageNumber = Math.Clamp(page, 1, Pages);
        WritesAs = await Community.WritesAsAsync(Space, Viewer, ct);
        return true;
    }
}
