using System.Text.Json;

namespace Gem.Monitor.Geo;

/// <summary>One area: its name (a property) and its outer and inner rings as (longitude, latitude).</summary>
public sealed record GeoFeature(string Name, IReadOnlyList<IReadOnlyList<(double Lon, double Lat)>> Rings);

/// <summary>Reads Polygon and MultiPolygon features from a GeoJSON FeatureCollection (WGS84).</summary>
public static class GeoJson
{
    public static IReadOnlyList<GeoFeature> Read(string path, string nameProperty)
    {
        using FileStream stream = File.OpenRead(path);
        using JsonDocument doc = JsonDocument.Parse(stream);
        var list = new List<GeoFeature>();
        foreach (JsonElement feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            JsonElement props = feature.GetProperty("properties");
            if (!props.TryGetProperty(nameProperty, out JsonElement nameElement))
            {
                throw new InvalidDataException($"{path}: a feature has no property '{nameProperty}'.");
            }

            string name = nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString()! : nameElement.GetRawText();
            if (!feature.TryGetProperty("geometry", out JsonElement geometry) || geometry.ValueKind != JsonValueKind.Object)
            {
                continue; // e.g. PC4 5028 has an empty geometry in the source
            }

            var rings = new List<IReadOnlyList<(double, double)>>();
            string type = geometry.GetProperty("type").GetString() ?? string.Empty;
            JsonElement coords = geometry.GetProperty("coordinates");
            switch (type)
            {
                case "Polygon":
                    AddPolygon(coords, rings);
                    break;
                case "MultiPolygon":
                    foreach (JsonElement polygon in coords.EnumerateArray())
                    {
                        AddPolygon(polygon, rings);
                    }

                    break;
                default:
                    continue;
            }

            list.Add(new GeoFeature(name, rings));
        }

        return list;
    }

    private static void AddPolygon(JsonElement polygon, List<IReadOnlyList<(double, double)>> rings)
    {
        foreach (JsonElement ring in polygon.EnumerateArray())
        {
            var points = new List<(double, double)>(ring.GetArrayLength());
            foreach (JsonElement p in ring.EnumerateArray())
            {
                points.Add((p[0].GetDouble(), p[1].GetDouble()));
            }

            rings.Add(points);
        }
    }
}
