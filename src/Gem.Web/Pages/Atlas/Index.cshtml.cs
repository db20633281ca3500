using System.Globalization;
using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Web.Atlas;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Atlas;

/// <summary>
/// The public atlas: every offer of every sector, filtered with a plain GET form (works without JavaScript), shown
/// <see cref="PageSize"/> at a time (<c>?pagina=N</c>) with a server-drawn map of all offers found (<see cref="AtlasMap"/>).
/// </summary>
public sealed class IndexModel(AtlasSearch search, GemDbContext db, AtlasGeometry geometry, IStringLocalizer<AtlasMapResource> text) : PageModel
{
    /// <summary>Offers per page: a phone scrolls through a page in a few flicks.</summary>
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public List<LifeDomains> Domain { get; set; } = [];
    [BindProperty(SupportsGet = true)] public List<Dimensions> Dimension { get; set; } = [];
    [BindProperty(SupportsGet = true)] public OfferFormat? Format { get; set; }
    [BindProperty(SupportsGet = true)] public Sector? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Near { get; set; }
    [BindProperty(SupportsGet = true)] public double? MaxKm { get; set; }
    [BindProperty(SupportsGet = true)] public DayOfWeek? Day { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Online { get; set; }

    /// <summary>The page of results shown, from 1; beyond the last page shows the last.</summary>
    [BindProperty(SupportsGet = true, Name = "pagina")] public int Pagina { get; set; } = 1;

    /// <summary>The offers on this page.</summary>
    public IReadOnlyList<OfferHit> Hits { get; private set; } = [];

    /// <summary>All offers found (every page).</summary>
    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public string? Error { get; private set; }

    public AtlasMapResult? Map { get; private set; }

    /// <summary>How many filters beyond the search text are chosen (shown on the closed filter box).</summary>
    public int FilterCount => Domain.Count + Dimension.Count + (Format is null ? 0 : 1) + (Sector is null ? 0 : 1)
        + (string.IsNullOrWhiteSpace(Near) ? 0 : 1) + (MaxKm is null ? 0 : 1) + (Day is null ? 0 : 1) + (Online is null ? 0 : 1);

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
        IReadOnlyList<OfferHit> all;
        try
        {
            all = await search.FindAsync(filter, ct);
        }
        catch (ValidationException)
        {
            Error = "Atlas.UnknownPc4";
            return;
        }
        Total = all.Count;
        Pagina = Math.Clamp(Pagina, 1, Pages);
        Hits = [.. all.Skip((Pagina - 1) * PageSize).Take(PageSize)];

        var regionPc4s = await db.RegionAreas.AsNoTracking().Select(a => a.Pc4).Distinct().ToListAsync(ct);
        var areas = regionPc4s.Order(StringComparer.Ordinal).Select(pc4 => geometry.Pc4.GetValueOrDefault(pc4)).OfType<Gem.Monitor.Geo.GeoFeature>().ToList();
        var offers = all.Select(h => h.Offer).ToList();
        var places = AtlasMap.Places(offers).Count;
        Map = AtlasMap.Draw(areas, offers, new AtlasMapText(
            text["Map.Title"],
            string.Format(CultureInfo.CurrentCulture, text["Map.Description"], Total, places),
            text["Map.LegendDot"],
            text["Map.LegendArea"]));
    }

    /// <summary>This page's address with other values for some parameters (null removes one); keeps every filter.</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var query = Request.Query.Where(q => !changes.Any(c => c.Key == q.Key))
            .SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? string.Empty)))
            .Concat(changes.Where(c => c.Value is not null).Select(c => (c.Key, Value: c.Value!)))
            .Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value));
        var s = string.Join("&", query);
        return s.Length == 0 ? "/atlas" : "/atlas?" + s;
    }

    public string PageLink(int page) => Link(("pagina", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The same search, near one place of the map (within 3 km, in person).</summary>
    public string PlaceLink(MapPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return Link(("near", place.Pc4), ("maxKm", "3"), ("online", "false"), ("pagina", null));
    }

    public string Text(string key) => text[key];
}
