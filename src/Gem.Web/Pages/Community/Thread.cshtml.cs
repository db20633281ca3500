using Gem.Core.Community;
using Gem.Web.Community;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Pages.Community;

/// <summary>
/// A thread: its posts (safe HTML, content warnings folded), replying, flagging, and for its author sending the question
/// to the E-spreekuur. Right after posting, the writer reads what happened to the post; after a crisis phrase, 113 and 112 first.
/// </summary>
[Authorize]
public sealed class ThreadModel(CommunityService community, AbuseLimits limits, TimeProvider clock) : CommunityPageModel(community, clock)
{
    public ThreadView View { get; private set; } = null!;
    /// <summary>The post this person just wrote (from <c>?geplaatst=</c>), when it is theirs.</summary>
    public CommunityPost? Posted { get; private set; }
    public bool Flagged { get; private set; }
    public bool Asked { get; private set; }

    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Warning { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int pagina, Guid? geplaatst, bool gemeld, bool gevraagd, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (NeedsHandle() is { } join) return join;
        if (Paused) return Page();
        if (!await LoadAsync(id, pagina, ct)) return NotFound();
        Flagged = gemeld;
        Asked = gevraagd;
        if (geplaatst is { } pid) Posted = View.Posts.FirstOrDefault(p => p.Post.Id == pid && (p.Own || p.Post.AuthorKind == AuthorKind.Partner))?.Post;
        return Page();
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (NeedsHandle() is { } join) return join;
        if (Paused || !await LoadAsync(id, 1, ct)) return NotFound();
        if (View.WritesAs is null) return Forbid();
        await limits.PostingAsync(HttpContext, Viewer.UserId!.Value, ct);
        try
        {
            var result = await Community.ReplyAsync(Viewer, id, Body, Warning, ct);
            return Redirect($"/community/draad/{id}?pagina={int.MaxValue}&geplaatst={result.PostId}#p-{result.PostId:N}");
        }
        catch (ValidationException e)
        {
            Fail(e);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostFlagAsync(Guid id, Guid postId, string? reason, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (Viewer.Member is null) return NotFound();
        await limits.EnsureAsync([(CommunityModule.FlagPerMember, Viewer.Member.Id.ToString("N"))], ct);
        try
        {
            await Community.FlagAsync(Viewer, postId, reason, ct);
        }
        catch (Exception e) when (e is NotFoundException or ConflictException or ForbiddenException)
        {
            return NotFound();
        }
        return Redirect($"/community/draad/{id}?gemeld=true");
    }

    public async Task<IActionResult> OnPostAskAsync(Guid id, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        try
        {
            await Community.AskSpecialistAsync(Viewer, id, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (e is ConflictException or ValidationException or Gem.Core.Consultation.CrisisException)
        {
            // Already asked, or the question holds a crisis phrase (the thread page shows 113/112 anyway).
        }
        return Redirect($"/community/draad/{id}?gevraagd=true");
    }

    private async Task<bool> LoadAsync(Guid id, int page, CancellationToken ct)
    {
        try
        {
            View = await Community.ThreadAsync(Viewer, id, Math.Max(1, page), ct);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
