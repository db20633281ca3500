using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Atlas;

public sealed class OfferModel(GemDbContext db, IOfferSchedule schedule, TimeProvider clock) : PageModel
{
    public Offer Offer { get; private set; } = null!;
    public IReadOnlyList<ScheduledSession> NextSessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().Include(o => o.Partner).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return NotFound();
        Offer = offer;
        NextSessions = (await schedule.ComingAsync([offer], clock.GetUtcNow(), ct: ct))[id].Take(8).ToList();
        return Page();
    }
}
