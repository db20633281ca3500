using Gem.Core.Atlas;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Monitor.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consultation;

/// <summary>One request as the dashboard counts it: who asked (a resource key), the clock, the outcome, the specialist's organisation and minutes.</summary>
public sealed record ConsultationFact(string Asker, DateTimeOffset AskedAt, DateTimeOffset DueAt, DateTimeOffset? AnsweredAt, NextStep? NextStep, string? AnsweringOrganisation, int MinutesSpent);

/// <summary>
/// Accountability for the consultation pool, GEM's "hinge": requests by asking sector (does it reach beyond the GP?),
/// answer time in working hours (bands, median, p90) and the share answered within the due time, the share closed out
/// without a referral to specialist care, and the specialists' consultative hours per organisation and for the region.
/// Every figure through the monitor's disclosure control. Pure.
/// </summary>
public static class ConsultationFigures
{
    public static readonly IReadOnlyList<(string Key, double From, double To)> Bands =
    [
        ("Hours0to4", 0, 4), ("Hours4to8", 4, 8), ("Hours8to24", 8, 24), ("Hours24to40", 24, 40), ("Hours40plus", 40, double.MaxValue),
    ];

    public const string NotYet = "NotAnswered";

    /// <param name="Exact">Unprotected values for tests and the written report; never shown.</param>
    public sealed record Result(CategoryCounts.Result Sectors, CategoryCounts.Result AnswerTimes, Figure Requests, Figure WithinDue, Figure MedianHours,
        Figure P90Hours, Figure WithoutReferral, DashboardTable Hours, Exact Exact)
    {
        public IEnumerable<DashboardTable> Tables => [Sectors.Table, AnswerTimes.Table, Hours];
    }

    public sealed record Exact(int Requests, int Answered, int WithinDue, double? MedianHours, double? P90Hours, int Closed, int WithoutReferral);

    /// <summary>The asker's key for a request: "Sector.X", or "Asker.ResourceGroupMember" / "Asker.Person".</summary>
    public static string AskerKey(AskerKind kind, Sector? sector) => kind == AskerKind.Staff && sector is { } s ? "Sector." + s : "Asker." + kind;

    public static IReadOnlyList<string> AskerKeys =>
        [.. Enum.GetValues<Sector>().Select(s => "Sector." + s), "Asker." + AskerKind.ResourceGroupMember, "Asker." + AskerKind.Person];

    public static Result Compute(IReadOnlyCollection<ConsultationFact> facts, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        var sectors = CategoryCounts.Compute("consultation-sectors", [.. AskerKeys.Select(k => (k, (long)facts.Count(f => f.Asker == k)))], rules);
        var hours = facts.Where(f => f.AnsweredAt is not null).Select(f => WorkingTime.HoursBetween(f.AskedAt, f.AnsweredAt!.Value)).Order().ToList();
        // Half-open bands [from, to) of working hours.
        List<(string, long)> bands = [.. Bands.Select(b => (b.Key, (long)hours.Count(h => h >= b.From && h < b.To)))];
        bands.Add((NotYet, facts.Count(f => f.AnsweredAt is null)));
        var times = CategoryCounts.Compute("consultation-times", bands, rules);
        var answered = facts.Where(f => f.AnsweredAt is not null).ToList();
        var within = answered.Count(f => f.AnsweredAt <= f.DueAt);
        var closed = facts.Where(f => f.NextStep is not null).ToList();
        var withoutReferral = closed.Count(f => f.NextStep != Consultation.NextStep.Referral);
        double? median = hours.Count > 0 ? Quantile(hours, 0.5) : null, p90 = hours.Count > 0 ? Quantile(hours, 0.9) : null;
        Figure Hours(double? v) => v is { } x && rules.CanPublish(hours.Count) ? Figure.Plain(Math.Round(x, 1)) : Figure.Small(rules.Rules.MinimumPersons);

        var byOrganisation = answered.Where(f => f.AnsweringOrganisation is not null).GroupBy(f => f.AnsweringOrganisation!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DashboardRow(g.Key, rules.CanPublish(g.Count())
                ? [Figure.Count(g.Count(), rules), Figure.Plain(Math.Round(g.Sum(f => f.MinutesSpent) / 60.0, 1))]
                : [Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons)]))
            .ToList();
        var region = new DashboardRow("Region", rules.CanPublish(answered.Count)
            ? [Figure.Count(answered.Count, rules), Figure.Plain(Math.Round(answered.Sum(f => f.MinutesSpent) / 60.0, 1))]
            : [Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons)], LabelIsKey: true);
        var hoursTable = new DashboardTable("consultation-hours", ["Answered", "ConsultativeHours"], [region, .. byOrganisation]);

        return new Result(sectors, times, Figure.Count(facts.Count, rules), Figure.Share(within, answered.Count, rules), Hours(median), Hours(p90),
            Figure.Share(withoutReferral, closed.Count, rules), hoursTable,
            new Exact(facts.Count, answered.Count, within, median, p90, closed.Count, withoutReferral));
    }

    /// <summary>The q-quantile of sorted values, linear between order statistics (R type 7).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q) => Gem.Monitor.Statistics.Distributions.SampleQuantile(sorted, q);

    /// <summary>The facts of the requests asked in a period.</summary>
    public static async Task<List<ConsultationFact>> ReadAsync(GemDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (from r in db.Set<ConsultationRequest>()
                          where r.AskedAt >= start && r.AskedAt < end
                          join s in db.Set<Specialist>() on r.AnsweredBySpecialistId equals s.Id into answeredBy
                          from s in answeredBy.DefaultIfEmpty()
                          join p in db.Partners on s.PartnerId equals p.Id into organisation
                          from p in organisation.DefaultIfEmpty()
                          select new { r.AskerKind, r.AskerSector, r.AskedAt, r.DueAt, r.AnsweredAt, r.NextStep, Organisation = p == null ? null : p.Name, r.MinutesSpent })
            .AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new ConsultationFact(AskerKey(r.AskerKind, r.AskerSector), r.AskedAt, r.DueAt, r.AnsweredAt, r.NextStep, r.Organisation, r.MinutesSpent)).ToList();
    }
}
