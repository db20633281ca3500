using Gem.Core.Atlas;
using Gem.Core.FrontDoor;
using Gem.Core.Plan;
using Gem.Monitor.Disclosure;

namespace Gem.Core.Dashboard;

/// <summary>
/// Days from the first front-door visit to the first attended support (GEM's "no waiting lists", measured): for each
/// person who enrolled from the front door, the whole days from the visit day to the first session the facilitator
/// marked them present at, or null when they have not been present (yet). The distribution in six bands plus
/// "not (yet) attended", the share present within 7 days among everyone, and the median among those who attended. Pure.
/// </summary>
public static class TimeToSupport
{
    public static readonly IReadOnlyList<(string Key, int From, int To)> Bands =
    [
        ("Days0", 0, 0), ("Days1to2", 1, 2), ("Days3to7", 3, 7), ("Days8to14", 8, 14), ("Days15to30", 15, 30), ("Days31plus", 31, int.MaxValue),
    ];

    /// <summary>The last row: enrolled from the front door, not marked present at any session yet.</summary>
    public const string NotYet = "NotYetAttended";

    public const int WithinDays = 7;

    /// <param name="ExactBands">The exact persons per band, <see cref="NotYet"/> last (for tests, never shown).</param>
    public sealed record Result(DashboardTable Distribution, Figure Persons, Figure WithinWeek, Figure MedianDays, long[] ExactBands);

    public static Result Compute(IReadOnlyCollection<int?> daysPerPerson, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(daysPerPerson);
        ArgumentNullException.ThrowIfNull(rules);
        var attended = daysPerPerson.Where(d => d is not null).Select(d => Math.Max(0, d!.Value)).Order().ToList();
        long[] bands = [.. Bands.Select(b => (long)attended.Count(d => d >= b.From && d <= b.To)), daysPerPerson.Count - attended.Count];
        long total = daysPerPerson.Count, within = attended.Count(d => d <= WithinDays);
        var table = rules.ProtectList(bands);
        var keys = Bands.Select(b => b.Key).Append(NotYet).ToList();
        var rows = keys.Select((key, i) => new DashboardRow(key, [Figure.FromTable(table, i, rules), ShareOfTotal(table, i, bands[i], total)], LabelIsKey: true)).ToList();
        var median = rules.CanPublish(attended.Count) ? Figure.Plain(attended[(attended.Count - 1) / 2]) : Figure.Small(rules.Rules.MinimumPersons);
        return new Result(new DashboardTable("time", ["Persons", "ShareOfAll"], rows), Figure.Count(total, rules), Figure.Share(within, total, rules), median, bands);
    }

    /// <summary>A row's share of the total, shown only where the row's own count is shown.</summary>
    internal static Figure ShareOfTotal(ProtectedTable table, int row, long exact, long total) =>
        table.Status(row, 0) != CellStatus.Published ? (table.Status(row, 0) == CellStatus.PrimarySuppressed ? Figure.Small() : Figure.Hidden)
        : new Figure(FigureKind.Share, (double)exact / total);
}

/// <summary>Counts by category (where people started, by sector or life domain): protected as one list with its total. Pure.</summary>
public static class CategoryCounts
{
    public sealed record Result(DashboardTable Table, Figure Total, long[] Exact);

    public static Result Compute(string key, IReadOnlyList<(string Label, long Count)> counts, DisclosureControl rules, bool labelsAreKeys = true)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(rules);
        if (counts.Count == 0) return new Result(new DashboardTable(key, ["Count", "ShareOfAll"], []), Figure.Small(rules.Rules.MinimumPersons), []);
        var exact = counts.Select(c => c.Count).ToArray();
        long total = exact.Sum();
        var table = rules.ProtectList(exact);
        var rows = counts.Select((c, i) => new DashboardRow(c.Label, [Figure.FromTable(table, i, rules), TimeToSupport.ShareOfTotal(table, i, exact[i], total)], labelsAreKeys)).ToList();
        return new Result(new DashboardTable(key, ["Count", "ShareOfAll"], rows), Figure.Count(total, rules), exact);
    }
}

/// <summary>Support contacts of one partner (or the region) with the number of distinct persons behind them.</summary>
public sealed record ShareInput(string Name, long Persons, long Contacts, long GroupContacts);

/// <summary>
/// Share of support contacts given in groups (GEM's goal: at least 80%), per partner and for the region, from
/// <see cref="Groups.GroupShare"/>. A partner's figures are shown only when at least 10 distinct persons stand behind
/// them. Because contacts add up to the region's total, a single hidden partner would be the difference: then the
/// partner with the fewest contacts among the shown is hidden too (secondary suppression). Pure.
/// </summary>
public static class GroupShareFigures
{
    public sealed record Result(DashboardTable Table, Figure RegionShare);

    public static Result Compute(ShareInput region, IReadOnlyList<ShareInput> partners, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(rules);
        var small = partners.Select(p => !rules.CanPublish(p.Persons)).ToArray();
        var hidden = new bool[partners.Count];
        bool regionShown = rules.CanPublish(region.Persons);
        if (regionShown && small.Count(s => s) == 1)
        {
            var next = Enumerable.Range(0, partners.Count).Where(i => !small[i]).OrderBy(i => partners[i].Contacts).ThenBy(i => i).FirstOrDefault(-1);
            if (next >= 0) hidden[next] = true;
        }
        DashboardRow Row(ShareInput p, bool isSmall, bool isHidden, bool labelIsKey)
        {
            if (isSmall) return new(p.Name, [Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons)], labelIsKey);
            if (isHidden) return new(p.Name, [Figure.Count(p.Persons, rules), Figure.Hidden, Figure.Hidden], labelIsKey);
            var share = p.Contacts == 0 ? Figure.Hidden : new Figure(FigureKind.Share, (double)p.GroupContacts / p.Contacts);
            return new(p.Name, [Figure.Count(p.Persons, rules), new Figure(FigureKind.Count, rules.Round(p.Contacts)), share], labelIsKey);
        }
        var rows = new List<DashboardRow> { Row(region, !regionShown, false, true) };
        rows.AddRange(partners.Select((p, i) => Row(p, small[i], hidden[i], false)));
        return new Result(new DashboardTable("groups", ["Persons", "Contacts", "GroupShare"], rows), rows[0].Values[2]);
    }
}

/// <summary>Share of sessions that took place with an ervaringsdeskundige among the facilitators. About sessions, not persons; shown from 10 sessions. Pure.</summary>
public static class CoFacilitation
{
    public static (Figure Sessions, Figure Share) Compute(IReadOnlyCollection<bool> sessionHasExperienceExpert, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(sessionHasExperienceExpert);
        ArgumentNullException.ThrowIfNull(rules);
        long n = sessionHasExperienceExpert.Count, with = sessionHasExperienceExpert.Count(h => h);
        return rules.CanPublish(n)
            ? (Figure.Plain(n), new Figure(FigureKind.Share, (double)with / n))
            : (Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons));
    }
}

/// <summary>
/// Capacity against demand: per life domain, how many answer combinations of the front door (wish × place) show
/// fewer than three options that start within 7 days (<see cref="NoWaitingGuarantee.FindGaps"/>), and in how many
/// places none at all. About the offer, not about persons: no suppression. Pure.
/// </summary>
public static class CapacityGaps
{
    public static DashboardTable Compute(IReadOnlyList<GuaranteeGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var rows = Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None)
            .Select(d => (Domain: d, Gaps: gaps.Where(g => g.Domain == d).ToList()))
            .Select(x => new DashboardRow("Domain." + x.Domain, [Figure.Plain(x.Gaps.Count), Figure.Plain(x.Gaps.Count(g => g.SoonCount == 0)),
                Figure.Plain(x.Gaps.Where(g => !g.OnlineOnly).Select(g => g.Pc4).Distinct(StringComparer.Ordinal).Count())], LabelIsKey: true))
            .ToList();
        return new DashboardTable("gaps", ["GapCombinations", "NoneSoon", "GapPlaces"], rows);
    }

    /// <summary>
    /// The same gaps per place: each PC4 of the region (and "online only", last) with the answer combinations that
    /// show fewer than three options soon, those with none, and in how many life domains it happens. Places without
    /// a gap are left out; the biggest gaps first.
    /// </summary>
    public static DashboardTable ByArea(IReadOnlyList<GuaranteeGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        var rows = gaps.GroupBy(g => g.OnlineOnly ? null : g.Pc4)
            .OrderBy(g => g.Key is null).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DashboardRow(g.Key ?? "OnlineOnly", [Figure.Plain(g.Count()), Figure.Plain(g.Count(x => x.SoonCount == 0)),
                Figure.Plain(g.Select(x => x.Domain).Distinct().Count())], LabelIsKey: g.Key is null))
            .ToList();
        return new DashboardTable("gap-areas", ["GapCombinations", "NoneSoon", "GapDomains"], rows);
    }
}

/// <summary>One offer's coming sessions and how many of them are full.</summary>
public sealed record OfferLoad(string Offer, string Partner, int Sessions, int FullSessions);

/// <summary>Offers that run full: every coming session (or the rolling group) has no free seat. Pure.</summary>
public static class FullOffers
{
    public static DashboardTable Compute(IEnumerable<OfferLoad> loads)
    {
        ArgumentNullException.ThrowIfNull(loads);
        var rows = loads.Where(l => l.Sessions > 0 && l.FullSessions == l.Sessions)
            .OrderBy(l => l.Partner, StringComparer.Ordinal).ThenBy(l => l.Offer, StringComparer.Ordinal)
            .Select(l => new DashboardRow(l.Offer + " — " + l.Partner, [Figure.Plain(l.FullSessions)]))
            .ToList();
        return new DashboardTable("full", ["FullSessions"], rows);
    }
}

/// <summary>
/// Recovery as people rate it: for everyone with at least two check-ins, latest minus first, per CHIME element,
/// quality of life, participation and network size; the mean change with a 95% confidence interval (Student t).
/// Shown only when at least 10 persons have two check-ins. Pure.
/// </summary>
public static class RecoveryChange
{
    public static readonly IReadOnlyList<(string Key, Func<CheckIn, int> Value)> Measures =
    [
        ("Connectedness", c => c.Connectedness), ("Hope", c => c.Hope), ("Identity", c => c.Identity), ("Meaning", c => c.Meaning),
        ("Empowerment", c => c.Empowerment), ("QualityOfLife", c => c.QualityOfLife), ("Participation", c => c.Participation),
        ("PeopleICanCountOn", c => c.PeopleICanCountOn),
    ];

    public sealed record Result(DashboardTable Table, Figure Persons);

    public static Result Compute(IEnumerable<CheckIn> checkIns, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        ArgumentNullException.ThrowIfNull(rules);
        var pairs = checkIns.GroupBy(c => c.OwnerId).Where(g => g.Count() >= 2)
            .Select(g => (First: g.OrderBy(c => c.At).First(), Latest: g.OrderBy(c => c.At).Last())).ToList();
        var n = pairs.Count;
        var rows = Measures.Select(m =>
        {
            if (!rules.CanPublish(n)) return new DashboardRow(m.Key, [Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons)], true);
            var first = pairs.Select(p => (double)m.Value(p.First)).ToList();
            var latest = pairs.Select(p => (double)m.Value(p.Latest)).ToList();
            var change = pairs.Select(p => (double)(m.Value(p.Latest) - m.Value(p.First))).ToList();
            return new DashboardRow(m.Key, [MeanWithInterval(first), MeanWithInterval(latest), MeanWithInterval(change)], true);
        }).ToList();
        return new Result(new DashboardTable("recovery", ["First", "Latest", "Change"], rows), Figure.Count(n, rules));
    }

    /// <summary>Mean with the 95% interval mean ± t(0.975, n−1)·s/√n.</summary>
    public static Figure MeanWithInterval(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2) throw new ArgumentException("At least two values are needed for an interval.", nameof(values));
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        double half = StudentT975(values.Count - 1) * sd / Math.Sqrt(values.Count);
        return new Figure(FigureKind.Mean, mean, mean - half, mean + half);
    }

    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The 0.975 quantile of Student's t: the published table to 30 degrees of freedom, then the Cornish–Fisher expansion (error under 1e-4).</summary>
    public static double StudentT975(int df)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(df, 1);
        if (df <= T975.Length) return T975[df - 1];
        const double z = 1.959963984540054;
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
        return z + ((z3 + z) / (4.0 * df)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96.0 * df * df))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384.0 * df * df * df));
    }
}

/// <summary>Crisis plans in place and stories shared for evaluation (opt-in), among everyone with a plan. Pure.</summary>
public static class PlanFigures
{
    public static DashboardTable Compute(IReadOnlyCollection<PersonalPlan> plans, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(rules);
        long n = plans.Count, crisis = plans.Count(p => p.HasCrisisPlan), stories = plans.Count(p => p.ShareStoryAnonymously && p.Story is not null);
        return new DashboardTable("plans", ["Count", "ShareOfAll"],
        [
            new("PlansTotal", [Figure.Count(n, rules), rules.CanPublish(n) ? new Figure(FigureKind.Share, 1) : Figure.Small(rules.Rules.MinimumPersons)], true),
            new("CrisisPlans", [Figure.Count(crisis, rules), Figure.Share(crisis, n, rules)], true),
            new("StoriesShared", [Figure.Count(stories, rules), Figure.Share(stories, n, rules)], true),
        ]);
    }
}
