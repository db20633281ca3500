using Gem.Core.Atlas;
using System.Globalization;
using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Demo;

/// <summary>
/// The embedded demo region: the real gemeenten and PC4 areas of Noordwest-Veluwe, clearly fictional
/// partners from every sector (plus a few real national services), their offers and the sessions of
/// the coming eight weeks. The content lives in two tables, <see cref="DemoPartners"/> and
/// <see cref="DemoOffers"/>; this class only turns those tables into the domain graph.
/// </summary>
/// <remarks>
/// Deterministic: every id, address number and coordinate jitter is derived from a SHA-256 hash of a
/// stable name (never from <see cref="Guid.NewGuid"/> or an unseeded random), so partner and offer ids
/// are the same on every run and on every day; session ids depend only on the offer and the start time.
/// </remarks>
public static class DemoRegion
{
    public const string Name = "Noordwest-Veluwe";

    /// <summary>The real PC4 areas of Harderwijk, Ermelo, Putten, Nunspeet, Elburg and Oldebroek.</summary>
    public static readonly IReadOnlyList<string> Pc4Codes =
    [
        "3841", "3842", "3843", "3844", "3845", "3846", "3847", "3848", "3849", // Harderwijk, Hierden
        "3851", "3852", "3853",                                                 // Ermelo
        "3881", "3882",                                                         // Putten
        "8071", "8072", "8075", "8076", "8077",                                 // Nunspeet, Elspeet, Vierhouten, Hulshorst
        "8079", "8091", "8094", "8095", "8096", "8097",                         // Oldebroek, Wezep, Noordeinde, ...
        "8081", "8082", "8084", "8085",                                         // Elburg, 't Harde, Doornspijk
    ];

    /// <summary>Sessions are generated from now up to this far ahead.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(7 * 8);

    /// <summary>Adds the demo region in one SaveChanges when the database has no region at all.</summary>
    /// <returns>True when the region was added; false when any region already existed.</returns>
    public static async Task<bool> SeedIfEmptyAsync(GemDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        if (await db.Regions.AnyAsync(ct).ConfigureAwait(false)) return false;
        db.Regions.Add(Build(clock.GetUtcNow()));
        // One SaveChanges is one transaction: the region is stored whole or not at all.
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Builds the whole region graph (areas, partners, offers, sessions) for the given moment. Pure.</summary>
    public static Region Build(DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var region = new Region { Id = DemoHash.Id("region", Name), Name = Name };
        foreach (var pc4 in Pc4Codes)
        {
            var area = Pc4Directory.Find(pc4) ?? throw new InvalidOperationException($"PC4 {pc4} is missing from the PC4 directory.");
            region.Areas.Add(new RegionArea { RegionId = region.Id, Pc4 = pc4, Gemeente = area.Gemeente, Place = area.Place });
        }

        var partners = new Dictionary<string, (DemoPartner Row, Partner Partner)>(StringComparer.Ordinal);
        foreach (var row in DemoPartners.All)
        {
            var partner = ToPartner(row, region.Id);
            if (!partners.TryAdd(row.Key, (row, partner)))
                throw new InvalidOperationException($"Demo partner key '{row.Key}' is used twice.");
            region.Partners.Add(partner);
        }

        var zone = LocalTime.Zone;
        var built = new List<(Offer Offer, string Line)>();
        foreach (var kind in DemoOffers.All)
        {
            for (var i = 0; i < kind.At.Count; i++)
            {
                var host = DemoHost.Parse(kind.At[i]);
                if (!partners.TryGetValue(host.PartnerKey, out var p))
                    throw new InvalidOperationException($"Offer '{kind.Name}' names unknown partner '{host.PartnerKey}'.");
                var offer = ToOffer(kind, i, host, p.Row, p.Partner, now);
                foreach (var (start, end, cohortStart) in host.Schedule?.Occurrences(now, Horizon, zone, offer.Id) ?? [])
                {
                    offer.Sessions.Add(new Session
                    {
                        Id = DemoHash.Id("session", offer.Id.ToString("N"), start.ToString("O", CultureInfo.InvariantCulture)),
                        OfferId = offer.Id,
                        Start = start,
                        End = end,
                        IsCohortStart = cohortStart,
                    });
                }
                p.Partner.Offers.Add(offer);
                built.Add((offer, kind.At[i]));
            }
        }

        // One kind run twice in the same town (or twice online) would give two equal names: add days and start time.
        foreach (var twins in built.GroupBy(b => b.Offer.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var (offer, line) in twins)
            {
                var parts = line.Split(' '); // "partner days HH:mm-HH:mm ..." → "days HH:mm"
                offer.Name = $"{offer.Name.TrimEnd(')')}, {parts[1]} {parts[2][..5]})";
            }
        }
        return region;
    }


    private static Partner ToPartner(DemoPartner row, Guid regionId)
    {
        var partner = new Partner
        {
            Id = DemoHash.Id("partner", row.Key),
            RegionId = regionId,
            Name = row.IsFictional ? row.Name + DemoPartners.FictionalMarker : row.Name,
            Sector = row.Sector,
            Description = row.Description,
            IsFictional = row.IsFictional,
            ValuesSignedOn = row.SignedOn is null ? null : DateOnly.ParseExact(row.SignedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (row.IsFictional)
        {
            var area = Pc4Directory.Find(row.Pc4) ?? throw new InvalidOperationException($"Partner '{row.Key}' has unknown PC4 {row.Pc4}.");
            partner.Address = DemoPlaces.Street(row.Key);
            partner.Pc4 = row.Pc4;
            partner.City = area.Place;
            partner.Website = $"https://{row.Key}.example.org";
            partner.Email = $"info@{row.Key}.example.org";
            partner.Phone = DemoPlaces.FictionalPhone(row.Key, area.Gemeente);
        }
        else
        {
            partner.Website = row.Website;
            partner.Phone = row.Phone;
        }
        return partner;
    }

    private static Offer ToOffer(DemoOffer kind, int index, DemoHost host, DemoPartner row, Partner partner, DateTimeOffset now)
    {
        var id = DemoHash.Id("offer", kind.Name, index.ToString(CultureInfo.InvariantCulture));
        var offer = new Offer
        {
            Id = id,
            PartnerId = partner.Id,
            Name = kind.Name,
            Description = kind.Description,
            Format = kind.Format,
            LifeDomains = kind.Domains,
            Dimensions = kind.Dimensions,
            Facilitators = kind.By,
            Capacity = kind.Capacity,
            FlowPolicy = kind.Flow,
            Funding = kind.Funding,
            CostEuros = kind.Cost == 0 ? null : kind.Cost,
            Access = kind.Access,
            Languages = kind.Languages,
            ContactEmail = partner.Email,
            ContactPhone = partner.Phone,
            UpdatedAt = now,
        };
        var place = host.Pc4 ?? row.Pc4;
        if (host.IsOnline || !row.IsFictional)
        {
            offer.IsOnline = true;
            offer.OnlineUrl = row.IsFictional ? $"https://{row.Key}.example.org/online/{DemoHash.Slug(kind.Name)}" : partner.Website;
            offer.Accessibility = kind.Accessibility ?? DemoPlaces.OnlineAccessibility;
            if (kind.At.Count > 1) offer.Name += " (online)";
            return offer;
        }

        var area = Pc4Directory.Find(place) ?? throw new InvalidOperationException($"Offer '{kind.Name}' has unknown PC4 {place}.");
        // At the partner's own PC4 the offer is at the partner's address; elsewhere at an address of its own.
        var key = place == row.Pc4 ? row.Key : id.ToString("N");
        offer.Pc4 = place;
        offer.City = area.Place;
        offer.Address = DemoPlaces.Street(key);
        // A small deterministic jitter (a few hundred metres) so addresses in one PC4 do not sit on one point.
        offer.Latitude = Math.Round(area.Latitude + (DemoHash.Unit("lat", key) - 0.5) * 0.008, 5);
        offer.Longitude = Math.Round(area.Longitude + (DemoHash.Unit("lon", key) - 0.5) * 0.012, 5);
        offer.Accessibility = kind.Accessibility ?? DemoPlaces.Accessibility(key);
        if (kind.At.Count > 1) offer.Name += $" ({area.Place})";
        return offer;
    }
}
