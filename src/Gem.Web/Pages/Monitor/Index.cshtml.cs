using System.Globalization;
using System.Text;
using Gem.Core.Data;
using Gem.Web.Monitor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Monitor;

/// <summary>
/// The population monitor for the region, with the nation as benchmark: public aggregate data (Vektis, CBS), no sign-in.
/// <c>/monitor?year=2019</c> chooses a Vektis year (unknown: 404 with the years there are); every table as CSV
/// (<c>?handler=csv&amp;table=KEY&amp;year=YYYY</c>). The data are read once (<see cref="MonitorStore"/>).
/// </summary>
public sealed class IndexModel(MonitorStore store, GemDbContext db, IStringLocalizer<MonitorResource> m) : PageModel
{
    public MonitorLoad Load { get; private set; } = null!;

    public string? RegionName { get; private set; }

    public int Year { get; private set; }

    /// <summary>The year asked for when the data do not have it.</summary>
    public string? UnknownYear { get; private set; }

    /// <summary>Why there is nothing to show: the data folder or the region is missing.</summary>
    public string? Problem { get; private set; }

    public MonitorPageData? Data { get; private set; }

    /// <summary>Spending over every Vektis year, region against nation.</summary>
    public MonitorTrendView? Trend { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken ct)
    {
        var places = await PrepareAsync(year, ct);
        if (places is not null)
        {
            Data = MonitorView.Build(Load, Year, RegionName!, places, Text, CultureInfo.CurrentCulture, store.Microdata());
            Trend = MonitorTrend.Build(Load, RegionName!, [.. places.Keys], Text, CultureInfo.CurrentCulture);
        }

        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? year, string? table, CancellationToken ct)
    {
        var places = await PrepareAsync(year, ct);
        if (places is null)
        {
            return Page();
        }

        if (table is null || !MonitorView.TableKeys.Contains(table))
        {
            return NotFound();
        }

        var data = MonitorView.Build(Load, Year, RegionName!, places, Text, CultureInfo.CurrentCulture, table == MonitorView.Fig4Table ? await store.MicrodataAsync() : null);
        var csv = MonitorCsv.Write(data.Table(table), Text, Label);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"gem-monitor-{table}-{Year.ToString(CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>Loads data and region and checks the year; sets the status code and returns null when there is nothing to show.</summary>
    private async Task<IReadOnlyDictionary<string, string>?> PrepareAsync(string? year, CancellationToken ct)
    {
        Load = store.Get();
        if (Load.Inputs is null)
        {
            Problem = string.Format(CultureInfo.CurrentCulture, Text("NoData"), Load.Folder);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return null;
        }

        if (string.IsNullOrEmpty(year))
        {
            Year = Load.YearList[^1];
        }
        else if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out int y) && Load.Years.ContainsKey(y))
        {
            Year = y;
        }
        else
        {
            UnknownYear = year;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }

        var region = await db.Regions.AsNoTracking().Include(r => r.Areas).OrderBy(r => r.Name).FirstOrDefaultAsync(ct);
        if (region is null || region.Areas.Count == 0)
        {
            Problem = Text("NoRegion");
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return null;
        }

        RegionName = region.Name;
        return region.Areas.GroupBy(a => a.Pc4, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Place, StringComparer.Ordinal);
    }

    /// <summary>A row's label; the region is marked as such.</summary>
    public string Label(MonitorRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Level == Gem.Monitor.Indicators.ComparisonLevel.Region ? $"{row.Label} ({Text("RegionWord")})" : row.Label;
    }

    public string Text(string key)
    {
        var s = m[key];
        return s.ResourceNotFound ? key : s.Value;
    }
}
