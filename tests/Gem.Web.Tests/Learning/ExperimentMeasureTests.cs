using Gem.Core.Atlas;
using Gem.Core.Consultation;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Core.Demo;
using Gem.Core.Learning;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Learning;

/// <summary>
/// An experiment's measures are the dashboard's own figures: over a simulated stretch of the demo region (the same
/// simulation the demo history runs), every measure kind for a period equals what <see cref="DashboardService.ComputeAsync"/>
/// (and the consultation dashboard's <see cref="ConsultationFigures"/>) shows for that period, and each point of an
/// experiment's series equals the dashboard for that point's month.
/// </summary>
public sealed class ExperimentMeasureTests
{
    /// <remarks>SQLite only: simulating weeks of the region takes minutes on PostgreSQL; the queries are the dashboard's, whose own tests run on both.</remarks>
    [SqliteOnly("simulating weeks takes minutes on PostgreSQL; the queries are the dashboard ones, tested on both")]
    [Fact]
    public async Task Measure_ForAPeriod_EqualsTheDashboardsFigure()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var end = DateTimeOffset.UtcNow;
        var today = LocalTime.Day(end);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
            await new DemoHistory(db).RunAsync(end, weeks: 10, citizensPerWeek: 14);
        }
        var from = today.AddDays(-63);
        var to = today.AddDays(-1);
        var (start, stop) = (LocalTime.StartOfDay(from), LocalTime.StartOfDay(to.AddDays(1)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var dashboard = sp.GetRequiredService<DashboardService>();
            var measures = sp.GetRequiredService<ExperimentMeasures>();
            var report = await dashboard.ComputeAsync(start, stop);
            var consultation = ConsultationFigures.Compute(await ConsultationFigures.ReadAsync(sp.GetRequiredService<GemDbContext>(), start, stop), dashboard.Rules);
            var expected = new Dictionary<MeasureKind, Figure>
            {
                [MeasureKind.GroupShare] = report.Groups.RegionShare,
                [MeasureKind.AttendedWithinWeek] = report.Time.WithinWeek,
                [MeasureKind.MedianDaysToSupport] = report.Time.MedianDays,
                [MeasureKind.CoFacilitation] = report.CoFacilitatedShare,
                [MeasureKind.HopeChange] = report.Recovery.Table.Rows.Single(r => r.Label == "Hope").Values[2],
                [MeasureKind.ConnectednessChange] = report.Recovery.Table.Rows.Single(r => r.Label == "Connectedness").Values[2],
                [MeasureKind.ConsultationWithinDue] = consultation.WithinDue,
                [MeasureKind.ConsultationMedianHours] = consultation.MedianHours,
                [MeasureKind.SectorStarts] = report.Sectors.Table.Rows.Single(r => r.Label == "Sector." + Sector.Herstelacademie).Values[0],
            };
            Assert.Equal(Enum.GetValues<MeasureKind>().Length, expected.Count);
            foreach (var (kind, figure) in expected)
                Assert.True(figure == await measures.ValueAsync(kind, Sector.Herstelacademie, start, stop), $"{kind}: the dashboard shows {figure}");
            // The simulation gives real figures, not only "< 10".
            Assert.True(report.Groups.RegionShare.IsPublished, "group share is published over nine weeks");
            Assert.True(report.Time.WithinWeek.IsPublished, "time to support is published over nine weeks");

            // Each point of a weekly experiment is the dashboard's figure for that week.
            var experiment = new Experiment
            {
                Title = "t", Change = "c", Prediction = "p", OutcomeMeasure = MeasureKind.GroupShare, ProcessMeasure = MeasureKind.CoFacilitation,
                Interval = PointInterval.Week, BaselineFrom = from, ChangeFrom = from.AddDays(35),
            };
            var series = await measures.SeriesAsync(experiment);
            Assert.Equal(2, series.Count);
            var points = series[0].Points;
            Assert.InRange(points.Count, 8, 10);
            foreach (var p in points.Take(3))
            {
                var week = await dashboard.ComputeAsync(LocalTime.StartOfDay(p.From), LocalTime.StartOfDay(p.To.AddDays(1)));
                Assert.Equal(week.Groups.RegionShare, p.Value);
                Assert.Equal(DayOfWeek.Monday, p.From.DayOfWeek);
            }
            Assert.All(points, p => Assert.Equal(p.From < experiment.ChangeFrom, p.Baseline));
        }
    }

    [Fact]
    public void Periods_Months_AreWholeCalendarMonths_UpToTheLastCompleteOne()
    {
        var periods = ExperimentMeasures.Periods(PointInterval.Month, new DateOnly(2026, 1, 15), new DateOnly(2026, 5, 30));
        Assert.Equal([(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)),
            (new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30))], periods);
    }

    [Fact]
    public void Analyse_SuppressedPointsAreGaps_AndLeftOutOfTheRules()
    {
        var day = new DateOnly(2026, 1, 5);
        var points = Enumerable.Range(0, 14).Select(i => new MeasurePoint(day.AddDays(7 * i), day.AddDays((7 * i) + 6),
            i == 3 ? Figure.Small() : new Figure(FigureKind.Share, i < 6 ? 0.5 + (0.01 * (i % 2)) : 0.8), i < 6)).ToList();
        var r = ExperimentMeasures.Analyse(points)!;
        Assert.Equal(13, r.UsefulPoints + points.Take(6).Count(p => p.Value.IsPublished && p.Value.Value == r.Median));
        Assert.Equal(5, r.Baseline); // six baseline weeks, one suppressed
        Assert.True(r.Shift);
        Assert.Null(ExperimentMeasures.Analyse([points[3]]));
    }
}
