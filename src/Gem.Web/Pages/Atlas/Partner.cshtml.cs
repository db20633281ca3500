using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Atlas;

public sealed class PartnerModel(GemDbContext db) : PageModel
{
    public Core.Atlas.Partner Partner { get; private set; } = null!;
    public IReadOnlyList<Offer> Offers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null) return NotFound();
        Partner = partner;
        Offers = await db.Offers.AsNoTracking().Where(o => o.PartnerId == id).OrderBy(o => o.Name).ToListAsync(ct);
        return Page();
    }
}
