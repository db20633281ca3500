using Gem.Core;
using Gem.Core.Atlas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Atlas;

/// <summary>The public atlas: every offer of every sector, filtered with a plain GET form (works without JavaScript).</summary>
public sealed class IndexModel(AtlasSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public List<LifeDomains> Domain { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Dimensions> Dimension { get; set; } = [];
    [BindProperty(SupportsGet = true)] public OfferFormat? Format { get; set; }
    [BindProperty(SupportsGet = true)] public Sector? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Near { get; set; }
    [BindProperty(SupportsGet = true)] public double? MaxKm { get; set; }
    [BindProperty(SupportsGet = true)] public DayOfWeek? Day { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Online { get; set; }

    public IReadOnlyList<OfferHit> Hits { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Error = "Atlas.BadFilter";
            return;
        }
        var filter = new OfferFilter
        {
            Text = Q,
            LifeDomains = Domain.Aggregate(LifeDomains.None, (a, d) => a | d),
            Dimensions = Dimension.Aggregate(Dimensions.None, (a, d) => a | d),
            Format = Format, Sector = Sector, NearPc4 = Near, MaxKm = MaxKm, Day = Day, Online = Online,
        };
        try
        {
            Hits = await search.FindAsync(filter, ct);
        }
        catch (ValidationException)
        {
            Error = "Atlas.UnknownPc4";
        }
    }
}
