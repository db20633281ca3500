using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Groups;

/// <summary>
/// Facilitators: three weeks of my organisation's sessions, by default the past week (attendance still to record) and the
/// coming two, with earlier and later weeks a click away; how many are expected; and our share of support in groups.
/// </summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class StaffModel(GemDbContext db, GroupShare share, TimeProvider clock) : PageModel
{
    public const int DaysBack = 7;
    public const int DaysShown = 21;

    public sealed record Row(Session Session, Offer Offer, int Expected);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ShareRow> Shares { get; private set; } = [];
    /// <summary>First day shown (Amsterdam); default a week before today.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    public DateOnly Until => From!.Value.AddDays(DaysShown);
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        Now = clock.GetUtcNow();
        From ??= LocalTime.Day(Now).AddDays(-DaysBack);
        var from = StartOf(From.Value);
        var until = StartOf(Until);
        var query = db.Sessions.AsNoTracking().Include(s => s.Offer).Where(s => s.Start >= from && s.Start < until);
        if (!actor.IsAdmin) query = query.Where(s => s.Offer!.PartnerId == actor.PartnerId);
        var sessions = (await query.ToListAsync(ct)).OrderBy(s => s.Start).Take(300).ToList();
        var offerIds = sessions.Select(s => s.OfferId).Distinct().ToList();
        var members = await db.Enrolments.AsNoTracking().Where(e => offerIds.Contains(e.OfferId) && e.Status == EnrolmentStatus.Active)
            .GroupBy(e => e.OfferId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Rows = sessions.Select(s => new Row(s, s.Offer!, s.Offer!.FlowPolicy == FlowPolicy.Rolling ? members.GetValueOrDefault(s.OfferId) : s.SeatsTaken)).ToList();
        var (_, partners) = await share.ComputeAsync(Now.AddDays(-90), Now, ct);
        Shares = actor.IsAdmin ? partners : partners.Where(p => p.PartnerId == actor.PartnerId).ToList();
    }

    /// <summary>Midnight of a local day, as UTC.</summary>
    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, LocalTime.Zone), TimeSpan.Zero);
    }
}
