using System.Globalization;
using System.Reflection;

namespace Gem.Core.Atlas;

/// <summary>The province of a gemeente (CBS, Atlas/Data/gemeente-provincie.csv): Ermelo → Gelderland.</summary>
public static class Provinces
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> ByGemeente = new(Load);

    /// <summary>The province, or null for a gemeente CBS does not list.</summary>
    public static string? Of(string? gemeente) =>
        gemeente is not null && ByGemeente.Value.TryGetValue(gemeente.Trim(), out var province) ? province : null;

    private static IReadOnlyDictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gem.Core.Atlas.Data.gemeente-provincie.csv")
            ?? throw new InvalidOperationException("The embedded gemeente-province list is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read()) result[csv.GetField("gemeente")!] = csv.GetField("provincie")!;
        return result;
    }
}
