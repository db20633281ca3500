using System.Globalization;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Indicators;
using Gem.Monitor.Report;

namespace Gem.Web.Monitor;

/// <summary>The region's and the nation's ggz spending per insured year over every Vektis year, and the years the data lack.</summary>
/// <param name="Values">Per year shown: the nation's and the region's figure (null when the region is suppressed).</param>
/// <param name="Missing">Years between the first and the last without a Vektis file.</param>
public sealed record MonitorTrendView(string Svg, IReadOnlyList<(int Year, double Nation, double? Region)> Values, IReadOnlyList<int> Missing);

/// <summary>
/// Builds the trend over the years from the same per-year <see cref="RegionComparison"/> the page shows for one year, so
/// both say the same; disclosure control as everywhere (a suppressed region year is left out, breaking the line).
/// </summary>
public static class MonitorTrend
{
    public const string NationColour = "#525252";

    public static MonitorTrendView Build(MonitorLoad load, string regionName, IReadOnlyCollection<string> regionPc4s, Func<string, string> t, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(t);
        var inputs = load.Inputs ?? throw new InvalidOperationException("The monitor data are not loaded: " + load.Problem);
        (IReadOnlyList<string> gemeenten, _) = inputs.Crosswalk.GemeentenOf(regionPc4s);
        var control = new DisclosureControl();
        var values = load.YearList.Select(y =>
        {
            RegionComparison c = RegionComparison.Compute(load.Years[y], regionName, gemeenten, control);
            return (Year: y, Nation: c.Nation.Indicator.GgzPerPersonYear, Region: c.Region.Published ? c.Region.Indicator.GgzPerPersonYear : (double?)null);
        }).ToList();
        int[] years = load.YearList.Count == 0 ? [] : [.. Enumerable.Range(load.YearList[0], load.YearList[^1] - load.YearList[0] + 1)];
        int[] missing = [.. years.Except(load.YearList)];
        var series = new List<ChartSeries>
        {
            new(regionName, MonitorView.RegionColour, values.Where(static v => v.Region is not null).ToDictionary(static v => v.Year, static v => v.Region!.Value), Bold: true),
            new(t("Trend.Nation"), NationColour, values.ToDictionary(static v => v.Year, static v => v.Nation)),
        };
        string svg = Charts.Trend("trend-ggz", string.Format(culture, t("Trend.Title"), regionName), years, series, t("Trend.Y"), v => "€ " + v.ToString("N0", culture), t("Trend.Missing"));
        return new MonitorTrendView(svg, values, missing);
    }
}
