using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Atlas;

public sealed class OfferModel(GemDbContext db, TimeProvider clock) : PageModel
{
    public Offer Offer { get; private set; } = null!;
    public IReadOnlyList<Session> NextSessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().Include(o => o.Partner).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null) return NotFound();
        Offer = offer;
        var now = clock.GetUtcNow();
        NextSessions = (await db.Sessions.AsNoTracking().Where(s => s.OfferId == id && s.Start >= now).ToListAsync(ct))
            .OrderBy(s => s.Start).Take(8).ToList();
        return Page();
    }
}
