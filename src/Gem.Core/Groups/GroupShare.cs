using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>Support contacts (attendance marked present) in a period, and how many of them took place in a group.</summary>
public sealed record ShareRow(Guid? PartnerId, string Name, int Contacts, int GroupContacts)
{
    /// <summary>0..1, or null without contacts.</summary>
    public double? Share => Contacts == 0 ? null : (double)GroupContacts / Contacts;
}

/// <summary>GEM's goal: at least 80% of all support in groups. Computed from attendance, per partner and for the region.</summary>
public sealed class GroupShare(GemDbContext db)
{
    public const double Goal = 0.8;

    public async Task<(ShareRow Region, IReadOnlyList<ShareRow> Partners)> ComputeAsync(DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken ct = default)
    {
        var contacts = await (
                from a in db.Attendances
                join s in db.Sessions on a.SessionId equals s.Id
                where a.Mark == AttendanceMark.Present && s.Start >= periodStart && s.Start < periodEnd
                select new { s.Offer!.PartnerId, PartnerName = s.Offer.Partner!.Name, s.Offer.Format, s.Offer.Capacity, s.Offer.IsOnline })
            .ToListAsync(ct);
        bool IsGroup(OfferFormat format, int? capacity) => new Offer { Name = "", Format = format, Capacity = capacity }.IsGroup;
        var partners = contacts.GroupBy(c => (c.PartnerId, c.PartnerName))
            .Select(g => new ShareRow(g.Key.PartnerId, g.Key.PartnerName, g.Count(), g.Count(c => IsGroup(c.Format, c.Capacity))))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var region = new ShareRow(null, "Regio", partners.Sum(p => p.Contacts), partners.Sum(p => p.GroupContacts));
        return (region, partners);
    }
}
