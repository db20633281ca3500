using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Learning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.Learning;

/// <summary>
/// The values charter: its current text for everyone; for partner staff the signing form of their own organisation (who,
/// role, date, what it commits to and what it stops doing); for the coordinator who has not signed or must renew, a new
/// version and the renewal reminders.
/// </summary>
public sealed class CharterModel(ValuesCharters charters, GemDbContext db, TimeProvider clock) : LearningPageModel
{
    public ValuesCharter? Current { get; private set; }
    public List<ValuesCharter> Versions { get; private set; } = [];
    public Gem.Core.Atlas.Partner? MyPartner { get; private set; }
    public CharterSignature? MySignature { get; private set; }
    public CharterStatus MyStatus { get; private set; }
    public List<CharterStanding>? Overview { get; private set; }
    public int? Queued { get; private set; }
    public Guid RegionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? queued, CancellationToken ct)
    {
        Queued = queued;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSignAsync(string? signerRole, string? commitments, string? stopsDoing, CancellationToken ct)
    {
        if (Me is not { PartnerId: { } partner } me) return Refused();
        return await RunAsync(() => charters.SignAsync(partner, signerRole, commitments, stopsDoing, me, ct), "/leren/waarden", () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostPublishAsync(string? text, CancellationToken ct)
    {
        if (Me is not { } me || !await LoadAsync(ct)) return Refused();
        return await RunAsync(() => charters.PublishAsync(RegionId, text, me, ct), "/leren/waarden", () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken ct)
    {
        if (Me is not { IsCoordinator: true }) return Refused();
        var queued = await charters.QueueRenewalRemindersAsync(ct);
        return Redirect("/leren/waarden?queued=" + queued.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = Me;
        if (me?.PartnerId is { } p) MyPartner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct);
        var region = MyPartner?.RegionId ?? await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (region is null) return false;
        RegionId = region.Value;
        Versions = await charters.VersionsAsync(RegionId, ct);
        Current = Versions.FirstOrDefault();
        if (MyPartner is not null && User.IsInRole(Roles.PartnerStaff))
        {
            MySignature = (await charters.LatestAsync(RegionId, ct)).GetValueOrDefault(MyPartner.Id);
            MyStatus = ValuesCharters.StatusOf(MySignature, Current?.Version ?? 0, LocalTime.Day(clock.GetUtcNow()));
        }
        if (me?.IsCoordinator == true) Overview = await charters.OverviewAsync(RegionId, me, ct);
        return true;
    }
}
