using Gem.Core.Community;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gem.Web.Pages.Community;

/// <summary>Accountability of the eCommunity for the last 12 months, for coordinators (<see cref="CommunityFigures"/>): every figure through the disclosure control.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class DashboardModel(GemDbContext db, DashboardService dashboard, IOptions<CommunityOptions> options, TimeProvider clock) : PageModel
{
    public CommunityFigures.Result Figures { get; private set; } = null!;
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        To = clock.GetUtcNow();
        From = To.AddYears(-1);
        var (posts, survey) = await CommunityFigures.ReadAsync(db, From, To, ct);
        Figures = CommunityFigures.Compute(posts, survey, options.Value, dashboard.Rules);
    }
}
