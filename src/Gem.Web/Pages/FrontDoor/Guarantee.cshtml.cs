using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.FrontDoor;

/// <summary>
/// For the regional coordinator: every answer combination (life domain × wish × PC4 of the region or online only)
/// for which the front door cannot show three options that start within 7 days — where the region's data breaks
/// "we have no waiting lists".
/// </summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class GuaranteeModel(GemDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<GuaranteeGap> Gaps { get; private set; } = [];
    public int Checked { get; private set; }
    public IReadOnlyList<IGrouping<(Core.Atlas.LifeDomains Domain, Wishes Wish), GuaranteeGap>> ByAnswer { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var catalog = await FrontDoorCatalog.LoadAsync(db, now, ct);
        var pc4s = await db.RegionAreas.AsNoTracking().Select(a => a.Pc4).Distinct().OrderBy(p => p).ToListAsync(ct);
        Gaps = NoWaitingGuarantee.FindGaps(catalog, pc4s, now);
        Checked = 12 * (1 + 8) * (pc4s.Count + 1);
        ByAnswer = Gaps.GroupBy(g => (g.Domain, g.Wish)).ToList();
    }
}
