using System.Globalization;
using System.Reflection;

namespace Gem.Core.Atlas;

/// <summary>A Dutch PC4 area's centroid, place and gemeente.</summary>
public sealed record Pc4Area(string Pc4, double Latitude, double Longitude, string Place, string Gemeente);

/// <summary>Every Dutch PC4 area with its centroid (CBS, see Atlas/Data/SOURCE.md). Used for distances.</summary>
public static class Pc4Directory
{
    private static readonly Lazy<IReadOnlyDictionary<string, Pc4Area>> Areas = new(Load);

    public static IReadOnlyDictionary<string, Pc4Area> All => Areas.Value;

    /// <summary>Normalises "3841 ab", " 3841" and "3841AB" to "3841"; null when it is not a PC4.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var digits = new string(input.Trim().TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length == 4 && digits[0] != '0' ? digits : null;
    }

    public static Pc4Area? Find(string? input) =>
        Normalise(input) is { } pc4 && All.TryGetValue(pc4, out var area) ? area : null;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadiusKm = 6371.0;
        static double Rad(double d) => d * Math.PI / 180.0;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static IReadOnlyDictionary<string, Pc4Area> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gem.Core.Atlas.Data.pc4-centroids.csv")
            ?? throw new InvalidOperationException("The embedded PC4 centroid list is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var result = new Dictionary<string, Pc4Area>(StringComparer.Ordinal);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var pc4 = csv.GetField("pc4")!;
            result[pc4] = new Pc4Area(pc4, csv.GetField<double>("lat"), csv.GetField<double>("lon"),
                csv.GetField("place")!, csv.GetField("gemeente")!);
        }
        return result;
    }
}
