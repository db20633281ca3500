using System.Globalization;
using System.Text;
using Gem.Core.Atlas;
using Gem.Core.Dashboard;
using Gem.Core.Demo;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Web.Dashboard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Dashboard;

/// <summary>
/// The ecosystem dashboard for the regional coordinator (and admin): by default the last 12 months (<c>?from=&amp;to=</c>
/// chooses other days), every figure through the monitor's disclosure control, each table as SVG chart plus table and
/// as CSV (<c>?handler=csv&amp;table=KEY</c>). A computed report is kept for <see cref="DashboardReports.CacheFor"/>, so the page and its
/// CSV downloads are computed once (not while the demo history is still being simulated).
/// </summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class IndexModel(
    DashboardService dashboard,
    TimeProvider clock,
    IMemoryCache cache,
    DemoHistoryStatus history,
    DemoHistoryRuns historyRuns,
    IStringLocalizer<DashboardResource> d,
    IStringLocalizer<SharedResource> shared,
    IStringLocalizer<FrontDoorResource> frontDoor) : PageModel
{
    public DashboardReport Report { get; private set; } = null!;

    /// <summary>First and last day of the period shown (Amsterdam), inclusive.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    /// <summary>The demo's year of history is still being simulated: the figures grow.</summary>
    public bool HistoryRunning => history.Running;

    /// <summary>The demo's simulated year stopped part-way (and is not being made again right now): the figures miss part of it.</summary>
    public bool HistoryIncomplete { get; private set; }

    /// <summary>The region's group share in each quarter of the period (oldest first), each through disclosure control.</summary>
    public IReadOnlyList<(string Label, Figure Value)> Trend { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Report = await ComputeAsync(ct);
        HistoryIncomplete = !history.Running && await historyRuns.StateAsync(ct) == DemoHistoryState.Incomplete;
        Trend = await TrendAsync(ct);
    }

    /// <summary>The period cut in quarters (three months each, the last one up to the end); short periods are one part.</summary>
    private async Task<IReadOnlyList<(string Label, Figure Value)>> TrendAsync(CancellationToken ct)
    {
        var parts = new List<(DateOnly From, DateOnly To)>();
        for (var day = From!.Value; day <= To!.Value; day = day.AddMonths(3))
        {
            var last = day.AddMonths(3).AddDays(-1);
            parts.Add((day, last < To.Value ? last : To.Value));
        }
        var now = clock.GetUtcNow();
        var today = LocalTime.Day(now);
        async Task<IReadOnlyList<(string, Figure)>> Compute()
        {
            var result = new List<(string, Figure)>();
            foreach (var (from, to) in parts)
            {
                var share = await dashboard.GroupShareAsync(LocalTime.StartOfDay(from), to == today ? now : LocalTime.StartOfDay(to.AddDays(1)), ct);
                result.Add((from.ToString("MMM yy", CultureInfo.CurrentCulture) + "–" + to.ToString("MMM yy", CultureInfo.CurrentCulture), share.RegionShare));
            }
            return result;
        }
        if (history.Running) return await Compute();
        return (await cache.GetOrCreateAsync(("dashboard-trend", From, To, CultureInfo.CurrentCulture.Name), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = DashboardReports.CacheFor;
            return Compute();
        }))!;
    }

    /// <summary>The partners whose group share is shown (or hidden as "x"), the highest share first; the region is not among them.</summary>
    public IReadOnlyList<DashboardRow> ShownPartners => [.. Report.Groups.Table.Rows.Skip(1)
        .Where(r => r.Values[0].Kind != FigureKind.Small)
        .OrderByDescending(r => r.Values[2].IsPublished ? r.Values[2].Value : -1).ThenBy(r => r.Label, StringComparer.CurrentCulture)];

    /// <summary>The partners with fewer than 10 persons in the period: only their names are shown, together.</summary>
    public IReadOnlyList<string> SmallPartners => [.. Report.Groups.Table.Rows.Skip(1)
        .Where(r => r.Values[0].Kind == FigureKind.Small).Select(Label).Order(StringComparer.CurrentCulture)];

    /// <summary>"Doel: 80%".</summary>
    public string GoalLabel => string.Format(CultureInfo.CurrentCulture, Text("Goal.Legend"), (Goal * 100).ToString("0", CultureInfo.CurrentCulture) + "%");

    /// <summary>The region's group share reaches the goal; null when it is not shown.</summary>
    public bool? GroupGoalMet => Report.Groups.RegionShare.Kind == FigureKind.Share ? Report.Groups.RegionShare.Value >= Goal : null;

    /// <summary>Percentage points still to go to the group goal (rounded as shown).</summary>
    public int GroupGoalGap => (int)Math.Round(Goal * 100) - (int)Math.Round(Report.Groups.RegionShare.Value * 100);

    /// <summary>Front-door answer combinations with fewer than three options soon, over every life domain.</summary>
    public double GapTotal => Report.Gaps.Rows.Sum(r => r.Values[0].Value);

    /// <summary>The chart of the group share over the period's quarters.</summary>
    public string TrendChart() =>
        DashboardSvg.Trend("chart-groups-trend", Text("Trend.Title"), Text("Trend.Title") + ": " + string.Join("; ", Trend.Select(p => p.Label + " " + Format(p.Value))), Trend, Goal, GoalLabel);

    /// <summary>The group share of the region and of every partner with enough persons.</summary>
    public string PartnerChart()
    {
        var rows = new List<(string, Figure)> { (Label(Report.Groups.Table.Rows[0]), Report.Groups.Table.Rows[0].Values[2]) };
        rows.AddRange(ShownPartners.Select(r => (Label(r), r.Values[2])));
        return DashboardSvg.Bars("chart-groups", Text("Groups.Title"), Text("GroupShare") + ": " + string.Join("; ", rows.Select(r => r.Item1 + " " + Format(r.Item2))), rows, Goal, GoalLabel);
    }

    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct)
    {
        var report = await ComputeAsync(ct);
        var t = report.Tables.FirstOrDefault(x => x.Key == table);
        if (t is null) return NotFound();
        var csv = DashboardCsv.Write(t, Text, Label);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"gem-dashboard-{t.Key}.csv");
    }

    /// <summary>The query string that keeps the chosen period, for the CSV links.</summary>
    public string PeriodQuery => string.Create(CultureInfo.InvariantCulture, $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}");

    private async Task<DashboardReport> ComputeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = LocalTime.Day(now);
        if (!ModelState.IsValid) // only From and To are bound: one of them is not a date
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(From), Text("Period.Invalid"));
            (From, To) = (null, null);
        }
        if (To > today || From > (To ?? today))
        {
            ModelState.AddModelError(nameof(From), Text(To > today ? "Period.Future" : "Period.Reversed"));
            (From, To) = (null, null);
        }
        To ??= today;
        From ??= To.Value.AddYears(-1).AddDays(1);
        return await DashboardReports.GetAsync(cache, dashboard, From.Value, To.Value, now, history.Running, ct);
    }

    /// <summary>A dashboard string; sector and life-domain names come from the shared and front-door resources.</summary>
    public string Text(string key)
    {
        var own = d[key];
        if (!own.ResourceNotFound) return own.Value;
        var other = key.StartsWith("Sector.", StringComparison.Ordinal) ? shared[key] : frontDoor[key];
        return other.ResourceNotFound ? key : other.Value;
    }

    public string Label(DashboardRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.LabelIsKey ? Text(row.Label) : row.Label;
    }

    public string Format(Figure f) => f.Kind switch
    {
        FigureKind.Share => (f.Value * 100).ToString("0", CultureInfo.CurrentCulture) + "%",
        FigureKind.Mean => string.Format(CultureInfo.CurrentCulture, "{0:0.0} ({1:0.0} – {2:0.0})", f.Value, f.Low, f.High),
        _ => f.ToString(),
    };

    /// <summary>Bars of one column of a table; the table itself follows behind a disclosure as the full text alternative.</summary>
    public string Chart(DashboardTable table, int column, string titleKey, double? goal = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Select(r => (Label(r), r.Values[column])).ToList();
        return DashboardSvg.Bars("chart-" + table.Key, Text(titleKey), Text(table.Columns[column]) + ": " + string.Join("; ", rows.Select(r => r.Item1 + " " + Format(r.Item2))), rows, goal, goal is null ? null : GoalLabel);
    }

    /// <summary>Means with their intervals of one column (recovery change); the table is the text alternative.</summary>
    public string IntervalChart(DashboardTable table, int column, string titleKey)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Select(r => (Label(r), r.Values[column])).ToList();
        return DashboardSvg.Intervals("chart-" + table.Key, Text(titleKey), Text(table.Columns[column]) + ": " + string.Join("; ", rows.Select(r => r.Item1 + " " + Format(r.Item2))), rows, Format, Text("Recovery.Zero"));
    }

    public static double Goal => GroupShare.Goal;
}
