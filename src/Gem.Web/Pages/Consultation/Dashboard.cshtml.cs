using Gem.Core.Consultation;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Consultation;

/// <summary>Accountability of the consultation pool for the last 12 months, for coordinators: every figure through the disclosure control.</summary>
[Authorize(Roles = Roles.Coordinator + "," + Roles.Admin)]
public sealed class DashboardModel(GemDbContext db, DashboardService dashboard, TimeProvider clock,
    IStringLocalizer<ConsultationResource> c, IStringLocalizer<SharedResource> shared) : PageModel
{
    public ConsultationFigures.Result Figures { get; private set; } = null!;
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        To = clock.GetUtcNow();
        From = To.AddYears(-1);
        Figures = ConsultationFigures.Compute(await ConsultationFigures.ReadAsync(db, From, To, ct), dashboard.Rules);
    }

    /// <summary>Sector names come from the shared resources, the rest from the consultation resources; organisation names as they are.</summary>
    public string Label(DashboardRow row)
    {
        if (!row.LabelIsKey) return row.Label;
        var own = c[row.Label];
        return own.ResourceNotFound ? shared[row.Label] : own;
    }
}
