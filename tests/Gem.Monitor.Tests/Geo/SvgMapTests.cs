using Gem.Monitor.Geo;

namespace Gem.Monitor.Tests.Geo;

public class SvgMapTests
{
    [Fact]
    public void Quantiles_TenValues_PutsEachFifthInItsOwnClass()
    {
        ColourScale scale = ColourScale.Quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ColourScale.Sequential, "0");
        Assert.Equal([3, 5, 7, 9], scale.Breaks);
        Assert.Equal(ColourScale.Sequential[0], scale.ColourOf(1));
        Assert.Equal(ColourScale.Sequential[1], scale.ColourOf(3));
        Assert.Equal(ColourScale.Sequential[4], scale.ColourOf(10));
        Assert.Equal(ColourScale.NoData, scale.ColourOf(null));
        Assert.Equal(ColourScale.NoData, scale.ColourOf(double.NaN));
    }

    [Fact]
    public void Read_PolygonMultiPolygonAndEmptyGeometry_KeepsDrawableFeatures()
    {
        string path = Path.Combine(Path.GetTempPath(), "gem-geo-" + Guid.NewGuid().ToString("N") + ".geojson");
        File.WriteAllText(path, """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"postcode":"1011"},"geometry":{"type":"Polygon","coordinates":[[[4.9,52.37],[4.91,52.37],[4.91,52.38],[4.9,52.37]]]}},
              {"type":"Feature","properties":{"postcode":"1012"},"geometry":{"type":"MultiPolygon","coordinates":[[[[5,52],[5.1,52],[5.1,52.1],[5,52]]],[[[6,53],[6.1,53],[6.1,53.1],[6,53]]]]}},
              {"type":"Feature","properties":{"postcode":"5028"},"geometry":null}
            ]}
            """);
        try
        {
            IReadOnlyList<GeoFeature> features = GeoJson.Read(path, "postcode");
            Assert.Equal(["1011", "1012"], features.Select(static f => f.Name));
            Assert.Equal(2, features[1].Rings.Count);

            var map = new SvgMap();
            string svg = map.Render("t", "Test", new ChoroplethLayer(features, static n => n == "1011" ? 5 : null), new ColourScale([3], ["#aaa", "#bbb"], "0"), features, static v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("fill=\"#bbb\"", svg, StringComparison.Ordinal); // 5 ≥ 3: second class
            Assert.Contains($"fill=\"{ColourScale.NoData}\"", svg, StringComparison.Ordinal);
            Assert.Contains("class=\"borders\"", svg, StringComparison.Ordinal);
            Assert.Equal(2, map.PathOf(features[1]).Count(static c => c == 'M')); // one sub-path per ring
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Render_SharedGeometry_WritesEachShapeOnceAndReferencesIt()
    {
        var feature = new GeoFeature("A", [[(5.0, 52.0), (5.2, 52.0), (5.2, 52.2), (5.0, 52.0)]]);
        var map = new SvgMap(shareGeometry: true);
        var layer = new ChoroplethLayer([feature], static _ => 1);
        string a = map.Render("a", "A", layer, new ColourScale([], ["#ccc"], "0"), null, static _ => "1");
        string b = map.Render("b", "B", layer, new ColourScale([], ["#ccc"], "0"), null, static _ => "1");
        Assert.Contains("<use class=\"area\"", a, StringComparison.Ordinal);
        Assert.Contains("href=\"#s0\"", b, StringComparison.Ordinal);
        string defs = map.Definitions();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(defs, "<path id="));
    }
}
