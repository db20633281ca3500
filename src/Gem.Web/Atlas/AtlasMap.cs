using System.Globalization;
using System.Net;
using System.Text;
using Gem.Core.Atlas;
using Gem.Monitor;
using Gem.Monitor.Geo;
using Gem.Web.Monitor;
using Microsoft.Extensions.Options;

namespace Gem.Web.Atlas;

/// <summary>
/// The shipped CBS PC4 shapes (datasets/cbs-geo, the folder the monitor reads), read once on first use and kept for the
/// life of the host. Empty when the file is not there: the atlas map then draws its points without the areas.
/// </summary>
public sealed class AtlasGeometry
{
    private readonly Lazy<IReadOnlyDictionary<string, GeoFeature>> _pc4;

    public AtlasGeometry(IOptions<MonitorOptions> options, IHostEnvironment environment, ILogger<AtlasGeometry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        string folder = MonitorStore.ResolveFolder(options.Value.Data, environment.ContentRootPath);
        _pc4 = new(() => Load(folder, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>PC4 shapes by postcode.</summary>
    public IReadOnlyDictionary<string, GeoFeature> Pc4 => _pc4.Value;

    private static Dictionary<string, GeoFeature> Load(string folder, ILogger logger)
    {
        string path;
        try
        {
            path = MonitorData.Locate(folder).Pc4GeoJson;
        }
        catch (IOException e)
        {
            logger.LogWarning(e, "The atlas map has no PC4 shapes: {Folder} has no cbs-geo data", folder);
            return [];
        }

        return GeoJson.Read(path, "postcode").GroupBy(static f => f.Name, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.First(), StringComparer.Ordinal);
    }
}

/// <summary>One dot of the atlas map: the offers at one PC4 (or one place when an offer has no PC4).</summary>
/// <param name="Pc4">The postcode the dot stands for; null when the offers only have a place name.</param>
public sealed record MapPlace(string Name, string? Pc4, double Latitude, double Longitude, int Offers);

/// <summary>The words the map writes (title, description, legend).</summary>
public sealed record AtlasMapText(string Title, string Description, string LegendDot, string LegendArea);

/// <summary>The drawn map and its text alternative.</summary>
/// <param name="Online">Offers that are online only (not on the map).</param>
/// <param name="Elsewhere">Offers in a place outside the region's map (or without a known place).</param>
public sealed record AtlasMapResult(string Svg, IReadOnlyList<MapPlace> Places, int Online, int Elsewhere);

/// <summary>
/// The atlas's offers on a map of the region, drawn on the server as inline SVG from the CBS PC4 shapes: the region's
/// areas in grey, a dot per PC4 with offers, sized and numbered by how many. No tile server, no script. The SVG has a
/// title and description; the list of places beside it is the full text alternative.
/// </summary>
public static class AtlasMap
{
    private const string Dot = "#0b6e4f";
    private const int NameSize = 17, NumberSize = 14, LegendSize = 18;

    /// <summary>The places of the offers in a place (online ones are counted apart), grouped per PC4.</summary>
    public static IReadOnlyList<MapPlace> Places(IEnumerable<Offer> offers) =>
        [.. offers.Where(static o => !o.IsOnline && o.Latitude is not null && o.Longitude is not null)
            .GroupBy(static o => o.Pc4 ?? o.City ?? string.Empty, StringComparer.Ordinal)
            .Select(static g => new MapPlace(
                g.GroupBy(static o => o.City ?? string.Empty, StringComparer.Ordinal).OrderByDescending(static c => c.Count()).First().Key is { Length: > 0 } city ? city : g.Key,
                g.First().Pc4,
                g.Average(static o => o.Latitude!.Value),
                g.Average(static o => o.Longitude!.Value),
                g.Count()))
            .OrderBy(static p => p.Name, StringComparer.CurrentCulture).ThenBy(static p => p.Pc4, StringComparer.Ordinal)];

    /// <param name="regionAreas">The region's PC4 shapes: the map's background and extent.</param>
    /// <param name="offers">The offers found (all pages).</param>
    public static AtlasMapResult Draw(IReadOnlyList<GeoFeature> regionAreas, IReadOnlyCollection<Offer> offers, AtlasMapText text)
    {
        ArgumentNullException.ThrowIfNull(regionAreas);
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(text);
        var places = Places(offers);
        int online = offers.Count(static o => o.IsOnline);
        GeoBounds bounds = regionAreas.Count > 0 ? GeoBounds.Around(regionAreas) : AroundPoints(places);
        bool Inside(MapPlace p) => p.Longitude >= bounds.LonMin && p.Longitude <= bounds.LonMax && p.Latitude >= bounds.LatMin && p.Latitude <= bounds.LatMax;
        var shown = places.Where(Inside).ToList();
        int elsewhere = offers.Count - online - shown.Sum(static p => p.Offers);

        var map = new SvgMap(bounds: bounds);
        double width = SvgMap.DrawingWidth, height = Math.Max(map.DrawingHeight, 120), legend = 62;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"atlas-map\" class=\"atlas-map\" viewBox=\"0 0 {width:0} {height + legend:0}\" role=\"img\" aria-labelledby=\"atlas-map-t atlas-map-d\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"atlas-map-t\">{E(text.Title)}</title><desc id=\"atlas-map-d\">{E(text.Description)}</desc>");
        sb.Append("<g class=\"areas\" fill=\"#e6ebe8\" stroke=\"#ffffff\" stroke-width=\"0.8\">");
        foreach (GeoFeature area in regionAreas)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{map.PathOf(area)}\"/>");
        }

        sb.Append("</g><g class=\"dots\" font-family=\"sans-serif\" font-weight=\"700\" text-anchor=\"middle\">");
        foreach (MapPlace p in shown.OrderByDescending(static p => p.Offers))
        {
            (double x, double y) = map.Project(p.Longitude, p.Latitude);
            double r = Radius(p.Offers);
            sb.Append(CultureInfo.InvariantCulture, $"<g class=\"dot\" data-pc4=\"{E(p.Pc4 ?? string.Empty)}\"><title>{E(Label(p))}</title>");
            sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{r:0.#}\" fill=\"{Dot}\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y + 5:0.#}\" font-size=\"{NumberSize}\" fill=\"#ffffff\">{p.Offers}</text></g>");
        }

        sb.Append("</g>");
        // Place names once per place, at its biggest dot, with a white halo; the biggest places first, and a name that
        // would cover one already written is left out (the dot's tooltip and the list still name it).
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"names\" font-family=\"sans-serif\" font-size=\"{NameSize}\" fill=\"#1d2430\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">");
        var taken = new List<(double X0, double Y0, double X1, double Y1)>();
        foreach (var place in shown.GroupBy(static p => p.Name, StringComparer.Ordinal)
            .Select(static g => (Biggest: g.OrderByDescending(static p => p.Offers).First(), Total: g.Sum(static p => p.Offers)))
            .OrderByDescending(static x => x.Total).Select(static x => x.Biggest))
        {
            (double x, double y) = map.Project(place.Longitude, place.Latitude);
            double r = Radius(place.Offers), w = place.Name.Length * NameSize * 0.56;
            foreach (bool left in new[] { x + r + 3 + w > width, x + r + 3 + w <= width })
            {
                double x0 = left ? x - r - 3 - w : x + r + 3, box0 = y - NameSize + 3, box1 = y + 6;
                if (x0 < 0 || taken.Any(b => x0 < b.X1 && x0 + w > b.X0 && box0 < b.Y1 && box1 > b.Y0))
                {
                    continue;
                }

                taken.Add((x0, box0, x0 + w, box1));
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{x0:0.#}\" y=\"{y + 5:0.#}\">{E(place.Name)}</text>");
                break;
            }
        }

        sb.Append("</g>");
        double ly = height + 12;
        sb.Append(CultureInfo.InvariantCulture, $"<g class=\"legend\" font-family=\"sans-serif\" font-size=\"{LegendSize}\" fill=\"#1d2430\"><circle cx=\"12\" cy=\"{ly + 8:0}\" r=\"10\" fill=\"{Dot}\"/><text x=\"30\" y=\"{ly + 14:0}\">{E(text.LegendDot)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"2\" y=\"{ly + 30:0}\" width=\"20\" height=\"16\" fill=\"#e6ebe8\" stroke=\"#9aa39e\"/><text x=\"30\" y=\"{ly + 44:0}\">{E(text.LegendArea)}</text></g>");
        sb.Append("</svg>");
        return new AtlasMapResult(sb.ToString(), shown, online, elsewhere);
    }

    /// <summary>"Ermelo (3851): 12".</summary>
    public static string Label(MapPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return place.Pc4 is null
            ? string.Create(CultureInfo.CurrentCulture, $"{place.Name}: {place.Offers}")
            : string.Create(CultureInfo.CurrentCulture, $"{place.Name} ({place.Pc4}): {place.Offers}");
    }

    private static double Radius(int offers) => Math.Min(24, 9 + (2.2 * Math.Sqrt(offers)));

    private static GeoBounds AroundPoints(IReadOnlyList<MapPlace> places)
    {
        if (places.Count == 0)
        {
            return GeoBounds.Netherlands;
        }

        double lonMin = places.Min(static p => p.Longitude), lonMax = places.Max(static p => p.Longitude);
        double latMin = places.Min(static p => p.Latitude), latMax = places.Max(static p => p.Latitude);
        double dx = Math.Max(lonMax - lonMin, 0.02) * 0.1, dy = Math.Max(latMax - latMin, 0.02) * 0.1;
        return new GeoBounds(lonMin - dx, lonMax + dx, latMin - dy, latMax + dy);
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
