using Gem.Core.Atlas;
using Gem.Core.Consultation;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Gem.Core.Learning;

/// <summary>One point of a measure: a period (Amsterdam days, inclusive) and the dashboard's figure for it (suppressed under 10).</summary>
public sealed record MeasurePoint(DateOnly From, DateOnly To, Figure Value, bool Baseline);

/// <summary>A measure's series and what the run-chart rules say about its published points (null with fewer than two).</summary>
public sealed record MeasureSeries(MeasureKind Kind, MeasureRole Role, IReadOnlyList<MeasurePoint> Points, RunChartResult? Rules)
{
    /// <summary>The published points, in order: the run chart's values.</summary>
    public IReadOnlyList<MeasurePoint> Shown => [.. Points.Where(p => p.Value.IsPublished)];
}

/// <summary>
/// An experiment's measures on live Gem figures: for each week or month from the baseline on, the very computation the
/// dashboard (and the consultation dashboard) makes for that period — <see cref="DashboardService"/> and
/// <see cref="ConsultationFigures"/> — never a number typed in. Suppressed points (fewer than 10 persons, sessions or
/// requests) stay gaps and are left out of the run-chart rules.
/// </summary>
public sealed class ExperimentMeasures(GemDbContext db, DashboardService dashboard, TimeProvider clock, IMemoryCache? cache = null)
{
    /// <summary>A series is kept this long (its points are closed weeks or months; only the newest can still grow).</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    /// <summary>At most this many points per series (two years of months, or a year of weeks).</summary>
    public const int MaxPoints = 60;

    /// <summary>The periods of an experiment, complete ones only, from the start of the baseline's week or month to its end (or today).</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> Periods(PointInterval interval, DateOnly baselineFrom, DateOnly lastDay)
    {
        var periods = new List<(DateOnly, DateOnly)>();
        var start = interval == PointInterval.Month
            ? new DateOnly(baselineFrom.Year, baselineFrom.Month, 1)
            : baselineFrom.AddDays(-(((int)baselineFrom.DayOfWeek + 6) % 7)); // Monday
        while (periods.Count < MaxPoints)
        {
            var next = interval == PointInterval.Month ? start.AddMonths(1) : start.AddDays(7);
            if (next.AddDays(-1) > lastDay) break;
            periods.Add((start, next.AddDays(-1)));
            start = next;
        }
        return periods;
    }

    /// <summary>The figure of <paramref name="kind"/> for the period [start, end): exactly what the dashboard shows for it.</summary>
    public async Task<Figure> ValueAsync(MeasureKind kind, Sector? sector, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        static Figure Row(DashboardTable table, string label, int column) => table.Rows.First(r => r.Label == label).Values[column];
        return kind switch
        {
            MeasureKind.GroupShare => (await dashboard.GroupShareAsync(start, end, ct)).RegionShare,
            MeasureKind.AttendedWithinWeek => (await dashboard.TimeToSupportAsync(start, end, ct)).WithinWeek,
            MeasureKind.MedianDaysToSupport => (await dashboard.TimeToSupportAsync(start, end, ct)).MedianDays,
            MeasureKind.CoFacilitation => (await dashboard.CoFacilitationAsync(start, end, ct)).Share,
            MeasureKind.HopeChange => Row((await dashboard.RecoveryAsync(start, end, ct)).Table, "Hope", 2),
            MeasureKind.ConnectednessChange => Row((await dashboard.RecoveryAsync(start, end, ct)).Table, "Connectedness", 2),
            MeasureKind.ConsultationWithinDue => ConsultationFigures.Compute(await ConsultationFigures.ReadAsync(db, start, end, ct), dashboard.Rules).WithinDue,
            MeasureKind.ConsultationMedianHours => ConsultationFigures.Compute(await ConsultationFigures.ReadAsync(db, start, end, ct), dashboard.Rules).MedianHours,
            MeasureKind.SectorStarts => Row((await dashboard.StartsAsync(start, end, ct)).Sectors.Table, "Sector." + (sector ?? throw new ValidationException("Sector", "Choose a sector.")), 0),
            _ => throw new ValidationException("Measure", "Unknown measure."),
        };
    }

    /// <summary>Every measure of the experiment as a series with its run-chart analysis (centre and limits from the baseline points).</summary>
    public async Task<IReadOnlyList<MeasureSeries>> SeriesAsync(Experiment experiment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (cache is null) return await ComputeSeriesAsync(experiment, ct);
        // Keyed by everything the series depends on, so an edited experiment is computed again.
        var key = ("learning-series", experiment.Id, experiment.Interval, experiment.BaselineFrom, experiment.ChangeFrom, experiment.EndsOn,
            experiment.OutcomeMeasure, experiment.ProcessMeasure, experiment.BalancingMeasure, experiment.Sector, LocalTime.Day(clock.GetUtcNow()));
        return (await cache.GetOrCreateAsync(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return ComputeSeriesAsync(experiment, ct);
        }))!;
    }

    private async Task<IReadOnlyList<MeasureSeries>> ComputeSeriesAsync(Experiment experiment, CancellationToken ct)
    {
        var today = LocalTime.Day(clock.GetUtcNow());
        var last = experiment.EndsOn is { } e && e < today ? e : today.AddDays(-1);
        var periods = Periods(experiment.Interval, experiment.BaselineFrom, last);
        var result = new List<MeasureSeries>();
        foreach (var (kind, role) in Measures(experiment))
        {
            var points = new List<MeasurePoint>();
            foreach (var (from, to) in periods)
            {
                var value = await ValueAsync(kind, experiment.Sector, LocalTime.StartOfDay(from), LocalTime.StartOfDay(to.AddDays(1)), ct);
                points.Add(new MeasurePoint(from, to, value, from < experiment.ChangeFrom));
            }
            result.Add(new MeasureSeries(kind, role, points, Analyse(points)));
        }
        return result;
    }

    /// <summary>The run-chart rules over the published points; the baseline is the published points before the change.</summary>
    public static RunChartResult? Analyse(IReadOnlyList<MeasurePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var shown = points.Where(p => p.Value.IsPublished).ToList();
        if (shown.Count < 2) return null;
        var baseline = shown.Count(p => p.Baseline);
        return RunChart.Analyse([.. shown.Select(p => p.Value.Value)], baseline >= 1 ? baseline : shown.Count);
    }

    public static IEnumerable<(MeasureKind Kind, MeasureRole Role)> Measures(Experiment experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        yield return (experiment.OutcomeMeasure, MeasureRole.Outcome);
        if (experiment.ProcessMeasure is { } p) yield return (p, MeasureRole.Process);
        if (experiment.BalancingMeasure is { } b) yield return (b, MeasureRole.Balancing);
    }
}
