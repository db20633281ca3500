using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Mail;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Learning;

/// <summary>Who acts in the learning ecosystem: the account, its partner organisation (staff) and whether it is a regional coordinator.</summary>
public sealed record LearningActor(Guid UserId, Guid? PartnerId, bool IsCoordinator, string Name);

/// <summary>Where a partner stands with the charter.</summary>
public enum CharterStatus
{
    NotSigned = 0,
    /// <summary>Signed an older version, or more than a year ago: time to renew.</summary>
    Renew = 1,
    Current = 2,
}

/// <summary>One partner in the coordinator's overview.</summary>
public sealed record CharterStanding(Guid PartnerId, string Partner, Sector Sector, CharterStatus Status, int? Version, DateOnly? SignedOn, string? StopsDoing);

/// <summary>
/// The region's values charter (seed 002: partners commit to shared values and to what they stop doing): versions of the
/// text, signatures by partner staff for their own organisation only, the coordinator's overview and the yearly renewal
/// reminder through the outbox. The partner's <see cref="Partner.ValuesSignedOn"/> and <see cref="Partner.CharterVersion"/>
/// are written here, with the signature, and nowhere else (decision 851).
/// </summary>
public sealed class ValuesCharters(GemDbContext db, TimeProvider clock)
{
    /// <summary>A signature counts for a year; then the partner is asked to renew.</summary>
    public const int ValidMonths = 12;

    /// <summary>The first version's text: the eight shared values of seed 002, in plain Dutch.</summary>
    public static string DefaultText => string.Join('\n',
    [
        "Wij werken samen in het ecosysteem mentale gezondheid van onze regio, als gelijkwaardige partners.",
        "Wij houden ons aan deze acht waarden:",
        "1. Menselijkheid: we zien de mens, niet de diagnose.",
        "2. Relationisme: herstel gebeurt in relaties; we betrekken het netwerk van iemand vanaf het eerste contact.",
        "3. Authenticiteit: we zijn echt en eerlijk, ook over wat we niet weten.",
        "4. Samenwerking: we werken over de grenzen van onze organisatie heen.",
        "5. Cocreatie: we maken zorg en steun samen met de mensen om wie het gaat.",
        "6. Gelijkwaardigheid: ervaringskennis telt even zwaar als vakkennis.",
        "7. Inclusiviteit: iedereen hoort erbij, ook wie moeilijk mee kan komen.",
        "8. Gedeelde verantwoordelijkheid: we dragen samen zorg voor de mentale gezondheid van de regio.",
    ]);

    public Task<ValuesCharter?> CurrentAsync(Guid regionId, CancellationToken ct = default) =>
        db.Set<ValuesCharter>().AsNoTracking().Where(c => c.RegionId == regionId).OrderByDescending(c => c.Version).FirstOrDefaultAsync(ct);

    public Task<List<ValuesCharter>> VersionsAsync(Guid regionId, CancellationToken ct = default) =>
        db.Set<ValuesCharter>().AsNoTracking().Where(c => c.RegionId == regionId).OrderByDescending(c => c.Version).ToListAsync(ct);

    /// <summary>Publishes a new version (coordinators only). Existing signatures stay, under their own version.</summary>
    public async Task<ValuesCharter> PublishAsync(Guid regionId, string? text, LearningActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCoordinator) throw new ForbiddenException("Only a regional coordinator publishes the charter.");
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > LearningLimits.Text * 2) throw new ValidationException("Text", "Write the charter text.");
        var last = await db.Set<ValuesCharter>().Where(c => c.RegionId == regionId).MaxAsync(c => (int?)c.Version, ct) ?? 0;
        var charter = new ValuesCharter { RegionId = regionId, Version = last + 1, Text = t, PublishedOn = LocalTime.Day(clock.GetUtcNow()) };
        db.Add(charter);
        await db.SaveChangesAsync(ct);
        return charter;
    }

    /// <summary>Signs the current version for <paramref name="partnerId"/>: only staff of that organisation may.</summary>
    public async Task<CharterSignature> SignAsync(Guid partnerId, string? signerRole, string? commitments, string? stopsDoing, LearningActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.PartnerId != partnerId) throw new ForbiddenException("Only staff of an organisation sign for it.");
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == partnerId, ct) ?? throw new NotFoundException("Partner not found.");
        var errors = new Dictionary<string, string[]>();
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        var (role, commit, stop) = (Clean(signerRole), Clean(commitments), Clean(stopsDoing));
        if (role is null || role.Length > LearningLimits.Name) errors["SignerRole"] = ["Say in which role you sign (at most 100 characters)."];
        if (commit is null || commit.Length > LearningLimits.Text) errors["Commitments"] = ["Write what your organisation commits to."];
        if (stop is null || stop.Length > LearningLimits.Text) errors["StopsDoing"] = ["Write what your organisation stops doing."];
        if (errors.Count > 0) throw new ValidationException(errors);
        var charter = await CurrentAsync(partner.RegionId, ct) ?? throw new ConflictException("The region has no charter yet.");
        if (await db.Set<CharterSignature>().AnyAsync(s => s.PartnerId == partnerId && s.CharterId == charter.Id, ct))
            throw new ConflictException("Your organisation already signed this version.");
        var today = LocalTime.Day(clock.GetUtcNow());
        var signature = new CharterSignature
        {
            CharterId = charter.Id, PartnerId = partnerId, SignedByUserId = actor.UserId, SignerName = actor.Name.Length > LearningLimits.Name ? actor.Name[..LearningLimits.Name] : actor.Name,
            SignerRole = role!, SignedOn = today, Commitments = commit!, StopsDoing = stop!,
        };
        db.Add(signature);
        partner.ValuesSignedOn = today;
        partner.CharterVersion = charter.Version;
        await db.SaveChangesAsync(ct); // one transaction: the signature and the partner's projection
        return signature;
    }

    /// <summary>The latest signature of each partner that signed (with its charter).</summary>
    public async Task<Dictionary<Guid, CharterSignature>> LatestAsync(Guid regionId, CancellationToken ct = default)
    {
        var all = await db.Set<CharterSignature>().AsNoTracking().Include(s => s.Charter)
            .Where(s => s.Charter!.RegionId == regionId).ToListAsync(ct);
        return all.GroupBy(s => s.PartnerId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Charter!.Version).ThenByDescending(s => s.SignedOn).First());
    }

    /// <summary>Whether a signature still counts: the current version, signed within the last year.</summary>
    public static CharterStatus StatusOf(CharterSignature? latest, int currentVersion, DateOnly today) =>
        latest is null ? CharterStatus.NotSigned
        : latest.Charter!.Version < currentVersion || latest.SignedOn.AddMonths(ValidMonths) <= today ? CharterStatus.Renew
        : CharterStatus.Current;

    /// <summary>Every partner of the region and where it stands, the ones to act on first (coordinators only).</summary>
    public async Task<List<CharterStanding>> OverviewAsync(Guid regionId, LearningActor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsCoordinator) throw new ForbiddenException("Only a regional coordinator sees the overview.");
        var current = await CurrentAsync(regionId, ct);
        var latest = await LatestAsync(regionId, ct);
        var today = LocalTime.Day(clock.GetUtcNow());
        var partners = await db.Partners.AsNoTracking().Where(p => p.RegionId == regionId).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.Sector }).ToListAsync(ct);
        return [.. partners.Select(p =>
            {
                var s = latest.GetValueOrDefault(p.Id);
                return new CharterStanding(p.Id, p.Name, p.Sector, StatusOf(s, current?.Version ?? 0, today), s?.Charter!.Version, s?.SignedOn, s?.StopsDoing);
            })
            .OrderBy(s => s.Status).ThenBy(s => s.Partner, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Queues a renewal reminder for every partner whose latest signature is more than a year old (or under an older
    /// version), once per signature: the outbox key is the signature's, so a second run or a second instance queues nothing.
    /// Sent to the signer's account address, else the organisation's. Returns how many were queued.
    /// </summary>
    public async Task<int> QueueRenewalRemindersAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = LocalTime.Day(now);
        var queued = 0;
        foreach (var regionId in await db.Regions.AsNoTracking().Select(r => r.Id).ToListAsync(ct))
        {
            var current = await CurrentAsync(regionId, ct);
            if (current is null) continue;
            foreach (var (partnerId, latest) in await LatestAsync(regionId, ct))
            {
                if (StatusOf(latest, current.Version, today) != CharterStatus.Renew || latest.RenewalReminderOn is not null) continue;
                var partner = await db.Partners.AsNoTracking().FirstAsync(p => p.Id == partnerId, ct);
                var to = await db.Users.Where(u => u.Id == latest.SignedByUserId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? partner.Email;
                var tracked = await db.Set<CharterSignature>().FirstAsync(s => s.Id == latest.Id, ct);
                tracked.RenewalReminderOn = today;
                if (to is not null)
                {
                    db.QueueText(now, "charter-renewal." + latest.Id.ToString("N"), to,
                        "Vernieuw het waardenhandvest van uw organisatie",
                        string.Create(CultureInfo.InvariantCulture, $"Beste {latest.SignerName},\n\n{partner.Name} tekende versie {latest.Charter!.Version} van het waardenhandvest op {latest.SignedOn:dd-MM-yyyy}. Een handtekening geldt een jaar, en de regio heeft nu versie {current.Version}.\n\nWilt u opnieuw tekenen, en opnieuw opschrijven wat uw organisatie belooft en waarmee zij stopt? Dat kan op /leren/waarden.\n\n(English: your organisation's signature under the values charter is more than a year old or under an older version; please sign again at /leren/waarden.)"),
                        latest.SignerName);
                    queued++;
                }
            }
            await db.SaveChangesAsync(ct); // the mark and the mail in one transaction
        }
        return queued;
    }
}
