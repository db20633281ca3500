using System.Globalization;
using System.Text;
using Gem.Core.Data;
using Gem.Monitor.Geo;
using Gem.Monitor.Report;
using Gem.Monitor.Social;
using Gem.Monitor.Statistics;
using Gem.Web.Monitor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Monitor;

/// <summary>
/// "Mensen en buurt" (issue 19): the region's gemeenten and wijken on need, social predictors and the reach of Wmo and youth
/// care against the nation, maps, and whether GGZ spending fits need. Public aggregate data, no sign-in. Every figure is a
/// <see cref="SocialFigure"/> of <see cref="SocialReport"/>, the same as <c>gem monitor-sociaal</c> writes; the three CSV files
/// download here too (<c>?handler=csv&amp;file=indicatoren|model|gemeenten</c>).
/// </summary>
public sealed class MensenEnBuurtModel(MonitorStore monitor, SocialStore social, GemDbContext db, IStringLocalizer<SocialResource> s) : PageModel
{
    public static IReadOnlyList<string> CsvFiles { get; } = ["indicatoren", "model", "gemeenten"];

    public string? Problem { get; private set; }

    public string? RegionName { get; private set; }

    public SocialReport? Report { get; private set; }

    public IReadOnlyList<(SocialIndicator Indicator, string Map)> Maps { get; private set; } = [];

    public string? Funnel { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) && Report is not null)
        {
            BuildPictures(Report);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? file, CancellationToken ct)
    {
        if (!await PrepareAsync(ct) || Report is null)
        {
            return Page();
        }

        string? csv = file switch
        {
            "indicatoren" => SocialCsv.Indicators(Report),
            "model" => SocialCsv.NeedModelCoefficients(Report),
            "gemeenten" => SocialCsv.NeedModelGemeenten(Report),
            _ => null,
        };
        return csv is null
            ? NotFound()
            : File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"gem-mensen-en-buurt-{file}.csv");
    }

    private async Task<bool> PrepareAsync(CancellationToken ct)
    {
        MonitorLoad load = monitor.Get();
        SocialLoad socialLoad = social.Get();
        if (load.Inputs is null || socialLoad.Data is null)
        {
            Problem = string.Format(CultureInfo.CurrentCulture, Text("NoData"), load.Folder) + " " + (load.Problem ?? socialLoad.Problem);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return false;
        }

        var region = await db.Regions.AsNoTracking().Include(r => r.Areas).OrderBy(r => r.Name).FirstOrDefaultAsync(ct);
        if (region is null || region.Areas.Count == 0)
        {
            Problem = Text("NoRegion");
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return false;
        }

        RegionName = region.Name;
        (IReadOnlyList<string> gemeenten, _) = load.Inputs.Crosswalk.GemeentenOf(region.Areas.Select(static a => a.Pc4).Distinct(StringComparer.Ordinal));
        Report = SocialReport.Compute(socialLoad.Data, gemeenten, load.Inputs.Years, load.Inputs.SesPc4, load.Inputs.Crosswalk);
        return true;
    }

    /// <summary>Maps of the region's gemeenten in national quintiles, and the residual funnel of the need model.</summary>
    private void BuildPictures(SocialReport report)
    {
        CultureInfo culture = CultureInfo.CurrentCulture;
        var inputs = monitor.Get().Inputs!;
        var regionSet = report.Region.ToHashSet(StringComparer.Ordinal);
        string? Monitor(string cbsName) => inputs.Names.TryResolve(cbsName)?.Gemeente;
        var features = inputs.Gemeenten.Where(f => Monitor(f.Name) is { } g && regionSet.Contains(g)).ToList();
        var map = new SvgMap(bounds: GeoBounds.Around(features));
        var text = new MapText(Text("Map.NoData"), Text("Map.NoDataLegend"), Text("Map.Border"));
        var maps = new List<(SocialIndicator, string)>();
        foreach (SocialIndicator indicator in new[] { SocialData.MentalComplaints, SocialData.Lonely, SocialData.PremiumArrears })
        {
            SocialSeries series = report.Data.Get(indicator.Key);
            ColourScale scale = ColourScale.Quantiles(series.Gemeenten.Values.Select(static v => v.Value), ColourScale.Sequential, "0.0");
            maps.Add((indicator, map.Render(
                "kaart-" + indicator.Key,
                string.Format(culture, Text("Map.Title"), Text("Ind." + indicator.Key), series.Period),
                new ChoroplethLayer(features, name => Monitor(name) is { } g && report.Find(indicator.Key, series.Period, SocialLevel.Gemeente, g) is { } f ? f.Value : null),
                scale,
                null,
                v => v.ToString("0.0", culture) + "%",
                text)));
        }

        Maps = maps;
        var points = report.Need.Gemeenten
            .Select(g => new ChartPoint(g.Households, g.Residual, $"{g.Gemeente}: {g.Residual.ToString("+0;-0", culture)} €", Charts.FunnelColour(g.Position), regionSet.Contains(g.Gemeente)))
            .ToList();
        Funnel = Charts.Funnel(
            "funnel-behoefte",
            Text("Need.FunnelTitle"),
            points,
            0,
            n => FunnelLimits.MeanLimits(0, report.Need.Fit.ResidualStandardError, n),
            Text("Need.FunnelX"),
            Text("Need.FunnelY"),
            Text("Need.FunnelLegend"));
    }

    /// <summary>A figure as the page shows it: the CSV's rounded value in the current culture.</summary>
    public static string Show(SocialFigure? figure, CultureInfo culture)
    {
        if (figure is null)
        {
            return "–";
        }

        string format = "F" + SocialReport.Decimals(figure.Indicator).ToString(CultureInfo.InvariantCulture);
        return figure.Value.ToString(format, culture);
    }

    public static string Interval(SocialFigure? figure, CultureInfo culture)
    {
        if (figure is not { Lower: { } lo, Upper: { } hi })
        {
            return string.Empty;
        }

        string format = "F" + SocialReport.Decimals(figure.Indicator).ToString(CultureInfo.InvariantCulture);
        return $"{lo.ToString(format, culture)}–{hi.ToString(format, culture)}";
    }

    public string Text(string key)
    {
        var v = s[key];
        return v.ResourceNotFound ? key : v.Value;
    }
}
