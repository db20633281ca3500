namespace Gem.Monitor.Deprivation;

/// <summary>
/// CBS "Armoede- en Probleemcumulatiegebieden" (APCG): the PC4 areas where poverty and problems pile up (2019). It adds to
/// SES-WOA what a score alone does not say: that an area is on CBS' list of cumulated problems. File: CBS_APCG_PC4;CBS_APCG_tf;CBS_APCG_Jaar.
/// </summary>
public static class Apcg
{
    /// <summary>The APCG PC4 areas (four digits); an area not listed is not APCG.</summary>
    public static IReadOnlySet<string> Read(string path)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            line++;
            if (line == 1 || text.Length == 0)
            {
                continue;
            }

            string[] f = CsvLine.Split(text, ';');
            string pc4 = f[0].Trim().PadLeft(4, '0');
            if (pc4.Length != 4 || !pc4.All(char.IsAsciiDigit))
            {
                throw new InvalidDataException($"{path}: line {line}, column 1: '{f[0]}' is not a four-digit postcode.");
            }

            if (f.Length < 2 || f[1].Trim().Equals("TRUE", StringComparison.OrdinalIgnoreCase))
            {
                set.Add(pc4);
            }
        }

        return set;
    }
}
