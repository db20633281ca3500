namespace Gem.Monitor;

/// <summary>
/// Where the input files are. Accepts the repository layout (<c>datasets/</c>: vektis-zvw-gemeente, cbs-geo, cbs-ses-woa)
/// and the layout of the shared data folder (cbs-geo-population-certegis, cbs-ses-woa-pc4).
/// </summary>
public sealed record MonitorData(string VektisFolder, string GemeentenGeoJson, string Pc4GeoJson, string Postcodes, string Ses)
{
    /// <summary>CBS APCG flags per PC4 (optional: the monitor runs without it).</summary>
    public string Apcg => Path.Combine(Path.GetDirectoryName(Ses)!, "APCG_2019.csv");

    public static MonitorData Locate(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Data folder '{root}' does not exist.");
        }

        string geo = First(root, "cbs-geo", "cbs-geo-population-certegis");
        string ses = First(root, "cbs-ses-woa", "cbs-ses-woa-pc4");
        var data = new MonitorData(
            First(root, "vektis-zvw-gemeente"),
            Path.Combine(geo, "gemeenten_2022_simplified.geojson"),
            Path.Combine(geo, "pc4_2020_simplified.geojson"),
            Path.Combine(geo, "postcodes_pc2_pc3_pc4.csv"),
            Path.Combine(ses, "SES_PC4_2021-2022.csv"));
        foreach (string file in new[] { data.GemeentenGeoJson, data.Pc4GeoJson, data.Postcodes, data.Ses })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"Expected input file '{file}' is missing (see datasets/README.md).", file);
            }
        }

        return data;
    }

    private static string First(string root, params string[] names)
    {
        foreach (string name in names)
        {
            string path = Path.Combine(root, name);
            if (Directory.Exists(path))
            {
                return path;
            }
        }

        throw new DirectoryNotFoundException($"'{root}' has none of the folders {string.Join(", ", names)} (see datasets/README.md).");
    }
}
