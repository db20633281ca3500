using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Groups;

/// <summary>Facilitators: today's and the coming sessions of my organisation's groups, with how many are expected, and our share of support in groups.</summary>
[Authorize(Policy = IdentitySetup.StaffPolicy)]
public sealed class StaffModel(GemDbContext db, GroupShare share, TimeProvider clock) : PageModel
{
    public sealed record Row(Session Session, Offer Offer, int Expected);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ShareRow> Shares { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = User.ToActor();
        var now = clock.GetUtcNow();
        var today = new DateTimeOffset(TimeZoneInfo.ConvertTime(now, LocalTime.Zone).Date, LocalTime.Zone.GetUtcOffset(now));
        var until = now.AddDays(14);
        var query = db.Sessions.AsNoTracking().Include(s => s.Offer).Where(s => s.Start >= today && s.Start <= until);
        if (!actor.IsAdmin) query = query.Where(s => s.Offer!.PartnerId == actor.PartnerId);
        var sessions = (await query.ToListAsync(ct)).OrderBy(s => s.Start).Take(200).ToList();
        var offerIds = sessions.Select(s => s.OfferId).Distinct().ToList();
        var members = await db.Enrolments.AsNoTracking().Where(e => offerIds.Contains(e.OfferId) && e.Status == EnrolmentStatus.Active)
            .GroupBy(e => e.OfferId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Rows = sessions.Select(s => new Row(s, s.Offer!, s.Offer!.FlowPolicy == FlowPolicy.Rolling ? members.GetValueOrDefault(s.OfferId) : s.SeatsTaken)).ToList();
        var (_, partners) = await share.ComputeAsync(now.AddDays(-90), now, ct);
        Shares = actor.IsAdmin ? partners : partners.Where(p => p.PartnerId == actor.PartnerId).ToList();
    }
}
