using Gem.Monitor.Gemeenten;

namespace Gem.Monitor.Deprivation;

/// <summary>
/// PC4 → monitor gemeente, from the certegis/CBS <c>postcodes_pc2_pc3_pc4.csv</c> (2021 division, one gemeente
/// per PC4) through <see cref="GemeenteNames"/>; PC4 areas of the split gemeente Haaren are assigned one by one.
/// </summary>
public sealed class Pc4Crosswalk
{
    /// <summary>PC4 areas of gemeenten that were split (Haaren, 2021), assigned to where the village went.</summary>
    public static IReadOnlyDictionary<string, string> SplitOverrides { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["5074"] = "Tilburg", // Biezenmortel
        ["5076"] = "Oisterwijk", // Haaren
        ["5268"] = "Vught", // Helvoirt
        ["5296"] = "Boxtel", // Esch
    };

    internal Pc4Crosswalk(IReadOnlyDictionary<string, string> gemeenteByPc4, IReadOnlyDictionary<string, double> populationByPc4)
    {
        GemeenteByPc4 = gemeenteByPc4;
        PopulationByPc4 = populationByPc4;
    }

    public IReadOnlyDictionary<string, string> GemeenteByPc4 { get; }

    /// <summary>Inhabitants per PC4 on 1 January 2021 (CBS, rounded to 5).</summary>
    public IReadOnlyDictionary<string, double> PopulationByPc4 { get; }

    /// <summary>The monitor gemeenten of a set of PC4 areas (sorted), and the PC4 areas the crosswalk does not know.</summary>
    public (IReadOnlyList<string> Gemeenten, IReadOnlyList<string> Unknown) GemeentenOf(IEnumerable<string> pc4s)
    {
        ArgumentNullException.ThrowIfNull(pc4s);
        var gemeenten = new SortedSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (string pc4 in pc4s)
        {
            if (GemeenteByPc4.TryGetValue(pc4, out string? g))
            {
                gemeenten.Add(g);
            }
            else
            {
                unknown.Add(pc4);
            }
        }

        return ([.. gemeenten], unknown);
    }

    public static Pc4Crosswalk Load(string path, GemeenteNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        using var reader = new StreamReader(path);
        string[] header = CsvLine.Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."), ',');
        int iPostcode = Index(header, "postcode", path), iLevel = Index(header, "niveau", path);
        int iGemeente = Index(header, "gemeente", path), iInhabitants = Index(header, "inwoners", path);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var population = new Dictionary<string, double>(StringComparer.Ordinal);
        string? line;
        int lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string[] f = CsvLine.Split(line, ',');
            if (f.Length != header.Length)
            {
                throw new InvalidDataException($"{path}: line {lineNumber} has {f.Length} fields, the header has {header.Length}.");
            }

            if (f[iLevel] != "PC4" || f[iGemeente].Length == 0)
            {
                continue;
            }

            string pc4 = f[iPostcode];
            string? gemeente = SplitOverrides.TryGetValue(pc4, out string? o) ? o : names.Resolve(f[iGemeente], path).Gemeente;
            if (gemeente is null)
            {
                throw new InvalidDataException($"{path}: line {lineNumber}: PC4 {pc4} lies in split gemeente '{f[iGemeente]}' but has no entry in Pc4Crosswalk.SplitOverrides.");
            }

            map[pc4] = gemeente;
            population[pc4] = double.TryParse(f[iInhabitants], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double p) ? p : 0;
        }

        return new Pc4Crosswalk(map, population);
    }

    internal static int Index(string[] header, string name, string path)
    {
        int i = Array.FindIndex(header, h => string.Equals(h.Trim('\uFEFF', ' '), name, StringComparison.OrdinalIgnoreCase));
        return i >= 0 ? i : throw new InvalidDataException($"{path}: column '{name}' is missing.");
    }
}
