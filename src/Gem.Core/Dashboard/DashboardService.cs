using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;
using Gem.Monitor.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Dashboard;

/// <summary>Everything the dashboard shows for one period, after disclosure control.</summary>
public sealed record DashboardReport(
    DateTimeOffset From,
    DateTimeOffset To,
    TimeToSupport.Result Time,
    GroupShareFigures.Result Groups,
    CategoryCounts.Result Sectors,
    CategoryCounts.Result Domains,
    DashboardTable Gaps,
    DashboardTable GapAreas,
    DashboardTable FullOffers,
    Figure CoFacilitatedSessions,
    Figure CoFacilitatedShare,
    RecoveryChange.Result Recovery,
    DashboardTable Plans)
{
    public IEnumerable<DashboardTable> Tables =>
        [Time.Distribution, Groups.Table, Sectors.Table, Domains.Table, Gaps, GapAreas, FullOffers, Recovery.Table, Plans];
}

/// <summary>
/// Reads the period's events from the database and hands them to the pure figure classes. The only place that
/// queries for the dashboard; no figure is computed here. Counts come from the same sources the rest of Gem writes:
/// the front door's anonymous counters, Groups' attendance (through <see cref="GroupShare"/>), facilitators, the
/// front door's no-waiting check, and the plans' check-ins.
/// </summary>
public sealed class DashboardService(GemDbContext db, TimeProvider clock)
{
    /// <summary>How far ahead "offers running full" looks.</summary>
    public static readonly TimeSpan FullLookAhead = TimeSpan.FromDays(14);

    public DisclosureControl Rules { get; } = new();

    public async Task<DashboardReport> ComputeAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        if (end <= start) throw new ValidationException("To", "The period ends after it starts.");
        var now = clock.GetUtcNow();
        var time = await TimeToSupportAsync(start, end, ct);
        var (sectors, domains) = await StartsAsync(start, end, ct);

        var groups = await GroupShareAsync(start, end, ct);

        var (coSessions, coShare) = await CoFacilitationAsync(start, end, ct);

        var catalog = await FrontDoorCatalog.LoadAsync(db, now, ct);
        var pc4s = await db.RegionAreas.AsNoTracking().Select(a => a.Pc4).Distinct().OrderBy(p => p).ToListAsync(ct);
        var found = NoWaitingGuarantee.FindGaps(catalog, pc4s, now);
        var (gaps, gapAreas) = (CapacityGaps.Compute(found), CapacityGaps.ByArea(found));

        var until = now + FullLookAhead;
        var coming = await db.Sessions.AsNoTracking().Where(s => s.Start >= now && s.Start < until && s.Offer!.Capacity != null)
            .Include(s => s.Offer!).ThenInclude(o => o.Partner)
            .ToListAsync(ct);
        var loads = coming.GroupBy(s => (s.OfferId, Offer: s.Offer!.Name, Partner: s.Offer.Partner!.Name)).Select(g => new OfferLoad(g.Key.Offer, g.Key.Partner, g.Count(),
            g.Count(s => !Seats.HasFreeSeat(Seats.Free(s.Offer!, s)))));
        var full = Dashboard.FullOffers.Compute(loads);

        var recovery = await RecoveryAsync(start, end, ct);
        var plans = await db.PersonalPlans.AsNoTracking().ToListAsync(ct);
        var planTable = PlanFigures.Compute(plans, Rules);

        return new DashboardReport(start, end, time, groups, sectors, domains, gaps, gapAreas, full, coSessions, coShare, recovery, planTable);
    }

    /// <summary>Where people started at the front door in the period (anonymous daily counts): by sector and by life domain.</summary>
    public async Task<(CategoryCounts.Result Sectors, CategoryCounts.Result Domains)> StartsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        var fromDay = LocalTime.Day(start);
        var toDay = LocalTime.Day(end.AddTicks(-1)); // the period ends before `end`
        var counts = await db.Set<FrontDoorCount>().AsNoTracking()
            .Where(c => c.Day >= fromDay && c.Day <= toDay && (c.Kind == CountKind.SectorStarted || c.Kind == CountKind.DomainChosen))
            .GroupBy(c => new { c.Kind, c.Key }).Select(g => new { g.Key.Kind, g.Key.Key, Count = g.Sum(c => c.Count) }).ToListAsync(ct);
        long Sum(CountKind kind, string key) => counts.Where(c => c.Kind == kind && c.Key == key).Sum(c => (long)c.Count);
        var sectors = CategoryCounts.Compute("sectors", [.. Enum.GetValues<Sector>().Select(s => ("Sector." + s, Sum(CountKind.SectorStarted, s.ToString())))], Rules);
        var domains = CategoryCounts.Compute("domains",
            [.. Enum.GetValues<LifeDomains>().Where(d => d != LifeDomains.None).Select(d => ("Domain." + d, Sum(CountKind.DomainChosen, d.ToString())))], Rules);
        return (sectors, domains);
    }

    /// <summary>Time from the front-door visit (a visit day in the period) to the first attended support.</summary>
    public async Task<TimeToSupport.Result> TimeToSupportAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default) =>
        TimeToSupport.Compute(await DaysToAttendedSupportAsync(LocalTime.Day(start), LocalTime.Day(end.AddTicks(-1)), ct), Rules);

    /// <summary>Group sessions held in the period (up to now) and the share with an experience expert among the facilitators.</summary>
    public async Task<(Figure Sessions, Figure Share)> CoFacilitationAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Start >= start && s.Start < end && s.Start <= now)
            .Select(s => new { s.Id, s.Offer!.Format, s.Offer.Capacity, Expert = db.SessionFacilitators.Any(f => f.SessionId == s.Id && f.Role == FacilitatorRoles.ExperienceExpert) })
            .ToListAsync(ct);
        var groupSessions = sessions.Where(s => new Offer { Name = "", Format = s.Format, Capacity = s.Capacity }.IsGroup).Select(s => s.Expert).ToList();
        return CoFacilitation.Compute(groupSessions, Rules);
    }

    /// <summary>Recovery as people rate it, from the check-ins in the period.</summary>
    public async Task<RecoveryChange.Result> RecoveryAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.At >= start && c.At < end).ToListAsync(ct);
        return RecoveryChange.Compute(checkIns, Rules);
    }

    /// <summary>
    /// For each person who enrolled from the front door with a visit day in the period: whole days from their first visit
    /// to the first session they were marked present at on or after that day (at any of their enrolments: people may
    /// come to another group than the first they chose), or null when not present yet.
    /// </summary>
    private async Task<IReadOnlyCollection<int?>> DaysToAttendedSupportAsync(DateOnly fromDay, DateOnly toDay, CancellationToken ct)
    {
        var visits = await db.Enrolments.AsNoTracking()
            .Where(e => e.FrontDoorVisit != null && e.FrontDoorVisit >= fromDay && e.FrontDoorVisit <= toDay)
            .Select(e => new { e.Id, e.UserId, e.Email, e.Phone, Visit = e.FrontDoorVisit!.Value })
            .ToListAsync(ct);
        if (visits.Count == 0) return [];
        var firstVisit = visits.GroupBy(v => PersonKey(v.Id, v.UserId, v.Email, v.Phone), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Min(v => v.Visit), StringComparer.Ordinal);
        var since = new DateTimeOffset(fromDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var present = await (
                from a in db.Attendances
                join s in db.Sessions on a.SessionId equals s.Id
                join e in db.Enrolments on a.EnrolmentId equals e.Id
                where a.Mark == AttendanceMark.Present && s.Start >= since
                select new { e.Id, e.UserId, e.Email, e.Phone, s.Start })
            .ToListAsync(ct);
        var presentDays = present.ToLookup(p => PersonKey(p.Id, p.UserId, p.Email, p.Phone), p => LocalTime.Day(p.Start), StringComparer.Ordinal);
        return [.. firstVisit.Select(v =>
        {
            var first = presentDays[v.Key].Where(d => d >= v.Value).DefaultIfEmpty().Min();
            return first == default ? (int?)null : first.DayNumber - v.Value.DayNumber;
        })];
    }

    /// <summary>Group share from <see cref="GroupShare"/>, with the distinct persons behind each partner's contacts (also per part of a period, for the trend).</summary>
    public async Task<GroupShareFigures.Result> GroupShareAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct = default)
    {
        var (region, partners) = await new GroupShare(db).ComputeAsync(start, end, ct);
        var present = await (
                from a in db.Attendances
                join s in db.Sessions on a.SessionId equals s.Id
                join e in db.Enrolments on a.EnrolmentId equals e.Id
                where a.Mark == AttendanceMark.Present && s.Start >= start && s.Start < end
                select new { s.Offer!.PartnerId, e.Id, e.UserId, e.Email, e.Phone })
            .ToListAsync(ct);
        var persons = present.Select(p => (p.PartnerId, Person: PersonKey(p.Id, p.UserId, p.Email, p.Phone))).Distinct().ToList();
        var inputs = partners.Select(p => new ShareInput(p.Name, persons.Count(x => x.PartnerId == p.PartnerId), p.Contacts, p.GroupContacts)).ToList();
        var all = new ShareInput("Region", persons.Select(x => x.Person).Distinct(StringComparer.Ordinal).Count(), region.Contacts, region.GroupContacts);
        return GroupShareFigures.Compute(all, inputs, Rules);
    }

    /// <summary>One person behind enrolments: the account, else the e-mail address or phone number, else the enrolment itself.</summary>
    public static string PersonKey(Guid enrolmentId, Guid? userId, string? email, string? phone) =>
        userId is { } u ? "u:" + u.ToString("N")
        : !string.IsNullOrWhiteSpace(email) ? "e:" + email.Trim().ToUpperInvariant()
        : !string.IsNullOrWhiteSpace(phone) ? "p:" + new string([.. phone.Where(char.IsAsciiDigit)])
        : "x:" + enrolmentId.ToString("N");
}
