using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Atlas;

/// <summary>Partner staff see and manage their own organisation's offers; an admin sees every organisation.</summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class StaffModel(GemDbContext db) : PageModel
{
    public IReadOnlyList<Core.Atlas.Partner> Partners { get; private set; } = [];
    public ILookup<Guid, Offer> Offers { get; private set; } = Array.Empty<Offer>().ToLookup(o => o.PartnerId);

    /// <summary>Confirmations after saving, archiving or removing an offer (shown once, from the address).</summary>
    [BindProperty(SupportsGet = true)] public Guid? Saved { get; set; }
    [BindProperty(SupportsGet = true)] public string? Archived { get; set; }
    [BindProperty(SupportsGet = true)] public int? Informed { get; set; }
    [BindProperty(SupportsGet = true)] public string? Removed { get; set; }
    public string? SavedOffer { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var partners = db.Partners.AsNoTracking();
        if (!actor.IsAdmin) partners = partners.Where(p => p.Id == actor.PartnerId);
        Partners = await partners.OrderBy(p => p.Name).ToListAsync(ct);
        var ids = Partners.Select(p => p.Id).ToList();
        Offers = (await db.Offers.AsNoTracking().Where(o => ids.Contains(o.PartnerId)).OrderBy(o => o.Name).ToListAsync(ct))
            .ToLookup(o => o.PartnerId);
        SavedOffer = Saved is { } saved ? Offers.SelectMany(g => g).FirstOrDefault(o => o.Id == saved)?.Name : null;
    }
}
