using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Learning;

/// <summary>
/// What a region shows the world about its learning (the public page and the JSON export a national learning network can
/// read): the charter and how many organisations signed it, the workshops with the roles present (never names or head
/// counts of people), the experiments with their measures (every point already through disclosure control) and what the
/// run-chart rules say, and the proposals with the decisions and the phase-out list.
/// </summary>
public sealed record LearningReport(string Region, DateTimeOffset GeneratedAt, CharterSummary? Charter, IReadOnlyList<WorkshopSummary> Workshops);

public sealed record CharterSummary(int Version, DateOnly PublishedOn, string Text, int PartnersSignedCurrent, int Partners);

public sealed record WorkshopSummary(Guid Id, GemChallenge Challenge, string Title, string Aim, WorkshopState State, IReadOnlyList<WorkshopRole> RolesPresent,
    int Meetings, IReadOnlyList<ExperimentSummary> Experiments, IReadOnlyList<ProposalSummary> Proposals);

public sealed record ExperimentSummary(Guid Id, string Title, string Change, string Prediction, PointInterval Interval, DateOnly BaselineFrom, DateOnly ChangeFrom,
    ExperimentOutcome? Outcome, string? Evaluation, IReadOnlyList<MeasureSummary> Measures);

/// <param name="Points">Per period: the value, or null where it rests on fewer than 10 (suppressed).</param>
public sealed record MeasureSummary(MeasureKind Kind, MeasureRole Role, IReadOnlyList<PointSummary> Points, double? Median, bool? Signal, bool? Shift, bool? LongRun, bool? FewCrossings, int OutsideLimits);

public sealed record PointSummary(DateOnly From, DateOnly To, double? Value, bool Baseline);

public sealed record ProposalSummary(Guid Id, string Title, string Text, IReadOnlyList<string> PhaseOut, DateTimeOffset ProposedAt, ProposalDecision? Decision, string? DecisionText, DateTimeOffset? DecidedAt);

public sealed class LearningReports(GemDbContext db, Workshops workshops, ValuesCharters charters, ExperimentMeasures measures, TimeProvider clock)
{
    public async Task<LearningReport?> BuildAsync(Guid regionId, CancellationToken ct = default) => (await BuildWithSeriesAsync(regionId, ct))?.Report;

    /// <summary>The report and, per experiment, its measure series with the run-chart analysis (for the charts).</summary>
    public async Task<(LearningReport Report, IReadOnlyDictionary<Guid, IReadOnlyList<MeasureSeries>> Series)?> BuildWithSeriesAsync(Guid regionId, CancellationToken ct = default)
    {
        var all = new Dictionary<Guid, IReadOnlyList<MeasureSeries>>();
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == regionId, ct);
        if (region is null) return null;
        var current = await charters.CurrentAsync(regionId, ct);
        CharterSummary? charter = null;
        if (current is not null)
        {
            var latest = await charters.LatestAsync(regionId, ct);
            var today = LocalTime.Day(clock.GetUtcNow());
            var partners = await db.Partners.CountAsync(p => p.RegionId == regionId, ct);
            charter = new CharterSummary(current.Version, current.PublishedOn, current.Text,
                latest.Values.Count(s => ValuesCharters.StatusOf(s, current.Version, today) == CharterStatus.Current), partners);
        }
        var list = new List<WorkshopSummary>();
        foreach (var w in await workshops.ListAsync(regionId, ct))
        {
            var view = await workshops.ReadAsync(w.Id, null, ct);
            var experiments = new List<ExperimentSummary>();
            foreach (var e in view.Experiments)
            {
                var series = await measures.SeriesAsync(e, ct);
                all[e.Id] = series;
                experiments.Add(new ExperimentSummary(e.Id, e.Title, e.Change, e.Prediction, e.Interval, e.BaselineFrom, e.ChangeFrom, e.Outcome, e.Evaluation,
                    [.. series.Select(Summarise)]));
            }
            list.Add(new WorkshopSummary(w.Id, w.Challenge, w.Title, w.Aim, w.State, [.. w.Members.Select(m => m.Role).Distinct().Order()], view.Meetings.Count, experiments,
                [.. view.Proposals.Select(p => new ProposalSummary(p.Id, p.Title, p.Text, PhaseOutItems(p.PhaseOut), p.ProposedAt, p.Decision, p.DecisionText, p.DecidedAt))]));
        }
        return (new LearningReport(region.Name, clock.GetUtcNow(), charter, list), all);
    }

    public static MeasureSummary Summarise(MeasureSeries s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var r = s.Rules;
        return new MeasureSummary(s.Kind, s.Role, [.. s.Points.Select(p => new PointSummary(p.From, p.To, p.Value.IsPublished ? p.Value.Value : null, p.Baseline))],
            r?.Median, r?.Signal, r?.Shift, r?.LongRun, r?.FewCrossings, r?.OutsideLimits.Count ?? 0);
    }

    /// <summary>The phase-out list: one item per non-empty line.</summary>
    public static IReadOnlyList<string> PhaseOutItems(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim().TrimStart('-', '*', '•').Trim()).Where(l => l.Length > 0)];
}
