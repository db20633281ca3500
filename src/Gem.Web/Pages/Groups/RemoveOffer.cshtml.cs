using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Groups;

/// <summary>
/// Take one of our offers out of the atlas, after a question that says what happens: nobody ever enrolled → delete it;
/// otherwise archive it (its coming sessions are called off and everyone still enrolled is told by mail or SMS).
/// </summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class RemoveOfferModel(OfferEditor editor, SessionCancellation cancellation, GemDbContext db, TimeProvider clock) : PageModel
{
    public Offer Offer { get; private set; } = null!;
    public int Enrolments { get; private set; }
    public int Active { get; private set; }
    public int ComingSessions { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        try
        {
            await cancellation.DeleteOfferAsync(User.ToActor(), id, ct);
        }
        catch (HasEnrolmentsException)
        {
            // Someone enrolled since the question was asked: ask again, now about archiving.
            await LoadAsync(id, ct);
            return Page();
        }
        return Redirect("/partner?removed=" + Uri.EscapeDataString(Offer.Name));
    }

    public async Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var informed = await cancellation.ArchiveOfferAsync(User.ToActor(), id, ct);
        return Redirect($"/partner?archived={Uri.EscapeDataString(Offer.Name)}&informed={informed}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Offer = await editor.FindOwnAsync(User.ToActor(), id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        var now = clock.GetUtcNow();
        Enrolments = await db.Enrolments.CountAsync(e => e.OfferId == id, ct);
        Active = await db.Enrolments.CountAsync(e => e.OfferId == id && e.Status != EnrolmentStatus.Cancelled, ct);
        ComingSessions = await db.Sessions.CountAsync(s => s.OfferId == id && s.CancelledAt == null && s.End > now, ct);
        return true;
    }
}
