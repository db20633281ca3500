using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Consent;

/// <summary>"Wie heeft mijn gegevens bekeken": my access log for a period. Reading it writes a record too.</summary>
[Authorize(Policy = PlanSetup.CitizenPolicy)]
public sealed class AccessModel(GemDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<AccessLogEntry> Entries { get; private set; } = [];
    public Guid Me { get; private set; }

    public async Task OnGetAsync()
    {
        Me = User.UserId();
        DateTimeOffset? Start(DateOnly? d) => d is { } x ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(x.ToDateTime(TimeOnly.MinValue), LocalTime.Zone), TimeSpan.Zero) : null;
        Entries = await AccessLog.ReadOwnAsync(db, clock, Me, Start(From), Start(To?.AddDays(1)));
    }
}
