using System.Globalization;
using System.Net;
using System.Text;

namespace Gem.Monitor.Geo;

/// <summary>A layer to draw: features, a value per feature name (null = no data / suppressed) and colour classes.</summary>
public sealed record ChoroplethLayer(IReadOnlyList<GeoFeature> Features, Func<string, double?> Value);

/// <summary>The part of the map to draw (WGS84 degrees).</summary>
public sealed record GeoBounds(double LonMin, double LonMax, double LatMin, double LatMax)
{
    /// <summary>The Netherlands.</summary>
    public static GeoBounds Netherlands { get; } = new(3.3, 7.25, 50.72, 53.58);

    /// <summary>The box around the features, widened by <paramref name="margin"/> of its size on every side.</summary>
    public static GeoBounds Around(IEnumerable<GeoFeature> features, double margin = 0.03)
    {
        ArgumentNullException.ThrowIfNull(features);
        var points = features.SelectMany(static f => f.Rings).SelectMany(static r => r).ToList();
        if (points.Count == 0)
        {
            return Netherlands;
        }

        double lonMin = points.Min(static p => p.Lon), lonMax = points.Max(static p => p.Lon);
        double latMin = points.Min(static p => p.Lat), latMax = points.Max(static p => p.Lat);
        double dx = Math.Max(lonMax - lonMin, 1e-3) * margin, dy = Math.Max(latMax - latMin, 1e-3) * margin;
        return new GeoBounds(lonMin - dx, lonMax + dx, latMin - dy, latMax + dy);
    }
}

/// <summary>The words a map writes itself (legend and tooltips); Dutch unless the caller gives others.</summary>
public sealed record MapText(string NoData, string NoDataLegend, string Border)
{
    public static MapText Dutch { get; } = new("geen gegevens", "geen gegevens / onderdrukt", "gemeentegrens");
}

/// <summary>Class breaks and colours of a map legend.</summary>
public sealed record ColourScale(IReadOnlyList<double> Breaks, IReadOnlyList<string> Colours, string Format)
{
    /// <summary>Sequential ColorBrewer "YlOrRd", 5 classes.</summary>
    public static IReadOnlyList<string> Sequential { get; } = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"];

    /// <summary>Diverging ColorBrewer "RdBu" reversed (low = blue, high = red), 5 classes.</summary>
    public static IReadOnlyList<string> Diverging { get; } = ["#0571b0", "#92c5de", "#f7f7f7", "#f4a582", "#ca0020"];

    public const string NoData = "#d9d9d9";

    /// <summary>Quintile breaks of the values.</summary>
    public static ColourScale Quantiles(IEnumerable<double> values, IReadOnlyList<string> colours, string format)
    {
        ArgumentNullException.ThrowIfNull(colours);
        double[] v = [.. values.Where(double.IsFinite).Order()];
        if (v.Length == 0)
        {
            return new ColourScale([], colours, format);
        }

        var breaks = new List<double>();
        for (int k = 1; k < colours.Count; k++)
        {
            breaks.Add(v[Math.Min(v.Length - 1, (int)Math.Floor(k * v.Length / (double)colours.Count))]);
        }

        return new ColourScale(breaks, colours, format);
    }

    public string ColourOf(double? value)
    {
        if (value is null || !double.IsFinite(value.Value))
        {
            return NoData;
        }

        int k = 0;
        while (k < Breaks.Count && value.Value >= Breaks[k])
        {
            k++;
        }

        return Colours[Math.Min(k, Colours.Count - 1)];
    }
}

/// <summary>
/// Draws choropleth maps as inline SVG from WGS84 GeoJSON: an equirectangular projection scaled by cos(52.2°), which is
/// close enough for a country the size of the Netherlands. Points closer than 0.4 px are merged to keep the file small.
/// </summary>
public sealed class SvgMap
{
    private const double Width = 520;
    private static readonly double s_cosLat = Math.Cos(52.2 * Math.PI / 180);
    private readonly GeoBounds _bounds;
    private readonly double _scale;
    private readonly double _height;

    private readonly Dictionary<GeoFeature, string> _paths = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<GeoFeature, string> _ids = new(ReferenceEqualityComparer.Instance);

    /// <param name="shareGeometry">Write each shape once (<see cref="Definitions"/>) and reference it with &lt;use&gt; from every map.</param>
    /// <param name="bounds">The area to draw (default: the Netherlands), e.g. <see cref="GeoBounds.Around"/> a region.</param>
    public SvgMap(bool shareGeometry = false, GeoBounds? bounds = null)
    {
        ShareGeometry = shareGeometry;
        _bounds = bounds ?? GeoBounds.Netherlands;
        _scale = Width / ((_bounds.LonMax - _bounds.LonMin) * s_cosLat);
        _height = (_bounds.LatMax - _bounds.LatMin) * _scale;
    }

    public bool ShareGeometry { get; }

    /// <summary>The drawing's width in SVG units (the height follows from the bounds).</summary>
    public static double DrawingWidth => Width;

    /// <summary>The drawing's height in SVG units.</summary>
    public double DrawingHeight => _height;

    /// <summary>Where a WGS84 point lands in the drawing (SVG units, y down).</summary>
    public (double X, double Y) Project(double lon, double lat) =>
        ((lon - _bounds.LonMin) * s_cosLat * _scale, (_bounds.LatMax - lat) * _scale);

    /// <summary>A hidden &lt;svg&gt; with the shapes the maps referenced (empty unless geometry is shared); put it once in the page.</summary>
    public string Definitions()
    {
        var sb = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>");
        foreach ((GeoFeature f, string id) in _ids)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<path id=\"{id}\" d=\"{PathOf(f)}\"/>");
        }

        return sb.Append("</defs></svg>").ToString();
    }

    private string Shape(GeoFeature f, string attributes, string? title)
    {
        string inner = title is null ? string.Empty : $"<title>{WebUtility.HtmlEncode(title)}</title>";
        if (!ShareGeometry)
        {
            return $"<path {attributes} d=\"{PathOf(f)}\">{inner}</path>";
        }

        if (!_ids.TryGetValue(f, out string? id))
        {
            id = string.Create(CultureInfo.InvariantCulture, $"s{_ids.Count}");
            _ids[f] = id;
        }

        return $"<use {attributes} href=\"#{id}\">{inner}</use>";
    }

    /// <summary>The SVG path data of a feature (cached).</summary>
    public string PathOf(GeoFeature feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (_paths.TryGetValue(feature, out string? d))
        {
            return d;
        }

        var sb = new StringBuilder();
        foreach (IReadOnlyList<(double Lon, double Lat)> ring in feature.Rings)
        {
            double lastX = double.NaN, lastY = double.NaN;
            int written = 0;
            foreach ((double lon, double lat) in ring)
            {
                (double x, double y) = Project(lon, lat);
                if (written > 0 && Math.Abs(x - lastX) < 0.4 && Math.Abs(y - lastY) < 0.4)
                {
                    continue;
                }

                sb.Append(written == 0 ? 'M' : 'L')
                    .Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ')
                    .Append(y.ToString("0.#", CultureInfo.InvariantCulture));
                lastX = x;
                lastY = y;
                written++;
            }

            if (written > 0)
            {
                sb.Append('Z');
            }
        }

        d = sb.ToString();
        _paths[feature] = d;
        return d;
    }

    /// <summary>A complete &lt;svg&gt;: filled areas, optional border overlay (drawn in green as in GEM's Fig. 4), legend.</summary>
    public string Render(string id, string title, ChoroplethLayer fill, ColourScale scale, IReadOnlyList<GeoFeature>? borders, Func<double, string> legendLabel, MapText? text = null)
    {
        text ??= MapText.Dutch;
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(scale);
        ArgumentNullException.ThrowIfNull(legendLabel);
        var sb = new StringBuilder();
        double legendHeight = 22 * (scale.Colours.Count + 1) + 10;
        sb.Append(CultureInfo.InvariantCulture, $"<svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width + 190:0} {Math.Max(_height, legendHeight):0}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{WebUtility.HtmlEncode(title)}</title>");
        sb.Append("<g stroke=\"#ffffff\" stroke-width=\"0.15\">");
        foreach (GeoFeature f in fill.Features)
        {
            double? v = fill.Value(f.Name);
            string label = v is null ? text.NoData : legendLabel(v.Value);
            sb.Append(Shape(f, $"class=\"area\" fill=\"{scale.ColourOf(v)}\"", $"{f.Name}: {label}"));
        }

        sb.Append("</g>");
        if (borders is not null)
        {
            sb.Append("<g class=\"borders\" fill=\"none\" stroke=\"#1b7837\" stroke-width=\"0.6\">");
            foreach (GeoFeature f in borders)
            {
                sb.Append(Shape(f, string.Empty, null));
            }

            sb.Append("</g>");
        }

        // Legend
        double lx = Width + 10, ly = 12;
        sb.Append("<g class=\"legend\" font-size=\"11\" font-family=\"sans-serif\">");
        for (int k = 0; k < scale.Colours.Count; k++)
        {
            string range = scale.Breaks.Count == 0 ? string.Empty
                : k == 0 ? "< " + legendLabel(scale.Breaks[0])
                : k == scale.Colours.Count - 1 ? "≥ " + legendLabel(scale.Breaks[^1])
                : legendLabel(scale.Breaks[k - 1]) + " – " + legendLabel(scale.Breaks[k]);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0}\" y=\"{ly + (22 * k):0}\" width=\"16\" height=\"16\" fill=\"{scale.Colours[k]}\" stroke=\"#888\" stroke-width=\"0.5\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 22:0}\" y=\"{ly + (22 * k) + 12:0}\">{WebUtility.HtmlEncode(range)}</text>");
        }

        double ny = ly + (22 * scale.Colours.Count);
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0}\" y=\"{ny:0}\" width=\"16\" height=\"16\" fill=\"{ColourScale.NoData}\" stroke=\"#888\" stroke-width=\"0.5\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 22:0}\" y=\"{ny + 12:0}\">{WebUtility.HtmlEncode(text.NoDataLegend)}</text>");
        if (borders is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{lx:0}\" y1=\"{ny + 30:0}\" x2=\"{lx + 16:0}\" y2=\"{ny + 30:0}\" stroke=\"#1b7837\" stroke-width=\"2\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 22:0}\" y=\"{ny + 34:0}\">{WebUtility.HtmlEncode(text.Border)}</text>");
        }

        sb.Append("</g></svg>");
        return sb.ToString();
    }
}
