using System.Globalization;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Geo;
using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;

namespace Gem.Monitor;

/// <summary>
/// Everything the monitor reads from a data folder, read once: the GGZ indicators of every Vektis year, the PC4 →
/// gemeente crosswalk, SES-WOA per PC4 and the boundaries. Shared by <see cref="MonitorRun"/> and the web pages.
/// </summary>
public sealed record MonitorInputs(
    IReadOnlyList<GgzYear> Years,
    Pc4Crosswalk Crosswalk,
    IReadOnlyList<SesPc4> SesPc4,
    IReadOnlyList<GeoFeature> Gemeenten,
    IReadOnlyList<GeoFeature> Pc4,
    GemeenteNames Names,
    IReadOnlySet<string>? Apcg = null)
{
    /// <summary>Reads the whole data folder (see <see cref="MonitorData.Locate"/>).</summary>
    public static MonitorInputs Load(string dataFolder, CancellationToken cancellationToken = default)
    {
        MonitorData data = MonitorData.Locate(dataFolder);
        GemeenteNames names = GemeenteNames.Default;
        IReadOnlyList<GgzYear> years = ReadYears(data, names, null, cancellationToken);
        return new MonitorInputs(
            years,
            Pc4Crosswalk.Load(data.Postcodes, names),
            SesWoa.Read(data.Ses),
            GeoJson.Read(data.GemeentenGeoJson, "gemeente"),
            GeoJson.Read(data.Pc4GeoJson, "postcode"),
            names,
            File.Exists(data.Apcg) ? Deprivation.Apcg.Read(data.Apcg) : null);
    }

    /// <summary>Reads every Vektis file of the folder (<see cref="VektisReader.Place"/>) and computes its GGZ indicators, ordered by year.</summary>
    public static IReadOnlyList<GgzYear> ReadYears(MonitorData data, GemeenteNames names, IProgress<MonitorProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        IReadOnlyList<(string Path, int Year)> vektisFiles = VektisReader.Place(data.VektisFolder);
        var files = new List<VektisFile>();
        for (int i = 0; i < vektisFiles.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (string path, int year) = vektisFiles[i];
            files.Add(VektisReader.ReadFile(path, year));
            progress?.Report(new MonitorProgress(MonitorStep.ReadVektis, 100.0 * (i + 1) / vektisFiles.Count, Path.GetFileName(path)));
        }

        var years = new List<GgzYear>();
        foreach (VektisFile file in files.OrderBy(static f => f.Year))
        {
            years.Add(GgzExpenditure.Compute(file, names));
            progress?.Report(new MonitorProgress(MonitorStep.Indicators, 100.0 * years.Count / files.Count, file.Year.ToString(CultureInfo.InvariantCulture)));
        }

        return years;
    }

    /// <summary>The year with its standardisation and deprivation regression (<see cref="MonitorYear.Compute"/>).</summary>
    public MonitorYear Year(GgzYear year) => MonitorYear.Compute(year, SesPc4, Crosswalk);
}
