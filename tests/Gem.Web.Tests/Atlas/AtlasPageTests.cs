using System.Net;
using System.Text.RegularExpressions;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Pages.Atlas;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Atlas;

/// <summary>The public atlas page over the demo region: paged on the server, a map drawn from the PC4 shapes, filters folded away.</summary>
[SqliteOnly("renders the atlas pages and map; the search queries run on both in AtlasApiTests")]
public sealed partial class AtlasPageTests(DemoHosts hosts) : IClassFixture<DemoHosts>
{
    [GeneratedRegex("data-testid=\"offer\"")] private static partial Regex OfferItem();
    [GeneratedRegex("<h2><a href=\"/atlas/offers/([0-9a-f-]+)\"")] private static partial Regex OfferLink();
    [GeneratedRegex("data-total=\"(\\d+)\"")] private static partial Regex Total();
    [GeneratedRegex("<g class=\"dot\" data-pc4=\"(\\d*)\"><title>[^<]*</title><circle[^>]*/><text[^>]*>(\\d+)</text>")] private static partial Regex MapDot();

    private static async Task<string> GetAsync(GemWebFactory factory, string url)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Atlas_AllOffers_ShowsOnePageOfTwentyWithTheTotalAndAPager()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        await using var db = factory.Database.CreateContext();
        var all = await db.Offers.CountAsync();

        var first = await GetAsync(factory, "/atlas");
        var second = await GetAsync(factory, "/atlas?pagina=2");
        var beyond = await GetAsync(factory, "/atlas?pagina=999");

        Assert.True(all > IndexModel.PageSize * 2, $"the demo has {all} offers");
        Assert.Equal(IndexModel.PageSize, OfferItem().Matches(first).Count);
        Assert.Equal(all.ToString(System.Globalization.CultureInfo.InvariantCulture), Total().Match(first).Groups[1].Value);
        Assert.Contains("data-testid=\"pager\"", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/atlas?pagina=2\"", first, StringComparison.Ordinal);
        var firstIds = OfferLink().Matches(first).Select(m => m.Groups[1].Value).ToHashSet();
        var secondIds = OfferLink().Matches(second).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(IndexModel.PageSize, secondIds.Count);
        Assert.DoesNotContain(secondIds, firstIds.Contains);
        var lastCount = all % IndexModel.PageSize == 0 ? IndexModel.PageSize : all % IndexModel.PageSize;
        Assert.Equal(lastCount, OfferItem().Matches(beyond).Count); // beyond the last page: the last page
        Assert.True(first.Length < 120_000, $"the first page is {first.Length} characters");
    }

    [Fact]
    public async Task Atlas_PagerLinks_KeepTheFilters()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        await using var db = factory.Database.CreateContext();
        var online = await db.Offers.CountAsync(o => o.IsOnline);

        var html = await GetAsync(factory, "/atlas?online=true");

        Assert.Equal(online.ToString(System.Globalization.CultureInfo.InvariantCulture), Total().Match(html).Groups[1].Value);
        if (online > IndexModel.PageSize) Assert.Contains("href=\"/atlas?online=true&amp;pagina=2\"", html, StringComparison.Ordinal);
        Assert.Contains("Meer keuzes (1 gekozen)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atlas_Filters_AreInAClosedDisclosureBelowTheSearchBox()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);

        var html = await GetAsync(factory, "/atlas?domain=MoneyAndDebt");

        var details = html.IndexOf("<details class=\"atlas-filters\" data-testid=\"filters\">", StringComparison.Ordinal);
        Assert.True(details > html.IndexOf("id=\"q\"", StringComparison.Ordinal), "the search box comes first, outside the filter box");
        Assert.True(html.IndexOf("name=\"domain\"", StringComparison.Ordinal) > details, "the checkboxes are inside the closed box");
    }

    [Fact]
    public async Task Atlas_Map_IsAnSvgOfTheRegionsPc4AreasWithADotPerPlaceThatAddsUpToTheOffersInAPlace()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        await using var db = factory.Database.CreateContext();
        var regionPc4s = await db.RegionAreas.Select(a => a.Pc4).Distinct().CountAsync();

        var html = await GetAsync(factory, "/atlas");

        var start = html.IndexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"atlas-map\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has the map");
        var svg = html[start..(html.IndexOf("</svg>", start, StringComparison.Ordinal) + 6)];
        Assert.Contains("role=\"img\" aria-labelledby=\"atlas-map-t atlas-map-d\"", svg, StringComparison.Ordinal);
        Assert.Contains("<title id=\"atlas-map-t\">Kaart van de hulp in de regio</title>", svg, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"atlas-map-d\">", svg, StringComparison.Ordinal);
        var areas = svg[svg.IndexOf("<g class=\"areas\"", StringComparison.Ordinal)..svg.IndexOf("<g class=\"dots\"", StringComparison.Ordinal)];
        Assert.Equal(regionPc4s, Regex.Matches(areas, "<path ").Count);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("http", svg.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal); // no tiles, nothing fetched

        var dots = MapDot().Matches(svg).Select(m => (Pc4: m.Groups[1].Value, Offers: int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var inRegion = await db.Offers.Where(o => !o.IsOnline && o.Pc4 != null && o.Latitude != null && o.Longitude != null && db.RegionAreas.Any(a => a.Pc4 == o.Pc4)).GroupBy(o => o.Pc4!).Select(g => new { Pc4 = g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(inRegion.OrderBy(x => x.Pc4).Select(x => (x.Pc4, x.Count)), dots.Where(d => inRegion.Any(x => x.Pc4 == d.Pc4)).OrderBy(d => d.Pc4).Select(d => (d.Pc4, d.Offers)));
        // The text alternative lists every dot, with a link to the offers near it.
        Assert.Contains("data-testid=\"map-places\"", html, StringComparison.Ordinal);
        foreach (var (pc4, _) in dots) Assert.Contains($"/atlas?near={pc4}&amp;maxKm=3&amp;online=false", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Atlas_MapOfAFilter_CountsOnlyTheOffersFound()
    {
        var factory = await hosts.GetAsync(DatabaseProvider.Sqlite);
        await using var db = factory.Database.CreateContext();
        var money = await db.Offers.CountAsync(o => (o.LifeDomains & LifeDomains.MoneyAndDebt) != 0 && !o.IsOnline && o.Latitude != null);

        var html = await GetAsync(factory, "/atlas?domain=MoneyAndDebt");

        var dots = MapDot().Matches(html).Sum(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(dots, 1, money);
        Assert.Contains($"{dots} keer hulp op een plek staat op de kaart", html, StringComparison.Ordinal);
    }
}
