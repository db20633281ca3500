using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Atlas;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.Property(r => r.Name).HasMaxLength(200);
        b.HasIndex(r => r.Name).IsUnique();
        b.HasMany(r => r.Areas).WithOne().HasForeignKey(a => a.RegionId);
        b.HasMany(r => r.Partners).WithOne().HasForeignKey(p => p.RegionId);
    }
}

internal sealed class RegionAreaConfiguration : IEntityTypeConfiguration<RegionArea>
{
    public void Configure(EntityTypeBuilder<RegionArea> b)
    {
        b.HasKey(a => new { a.RegionId, a.Pc4 });
        b.Property(a => a.Pc4).HasMaxLength(4).IsFixedLength();
        b.Property(a => a.Gemeente).HasMaxLength(100);
        b.Property(a => a.Place).HasMaxLength(100);
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.Website).HasMaxLength(500);
        b.Property(p => p.Email).HasMaxLength(200);
        b.Property(p => p.Phone).HasMaxLength(50);
        b.Property(p => p.Address).HasMaxLength(300);
        b.Property(p => p.Pc4).HasMaxLength(4);
        b.Property(p => p.City).HasMaxLength(100);
        b.HasIndex(p => p.Name);
        b.HasMany(p => p.Offers).WithOne(o => o.Partner).HasForeignKey(o => o.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.Description).HasMaxLength(4000);
        b.Property(o => o.OnlineUrl).HasMaxLength(500);
        b.Property(o => o.Address).HasMaxLength(300);
        b.Property(o => o.Pc4).HasMaxLength(4);
        b.Property(o => o.City).HasMaxLength(100);
        b.Property(o => o.Languages).HasMaxLength(100);
        b.Property(o => o.Accessibility).HasMaxLength(1000);
        b.Property(o => o.ContactEmail).HasMaxLength(200);
        b.Property(o => o.ContactPhone).HasMaxLength(50);
        b.Property(o => o.CostEuros).HasPrecision(9, 2);
        b.Ignore(o => o.IsGroup);
        b.HasIndex(o => o.Name);
        b.HasIndex(o => o.UpdatedAt);
        b.Property(o => o.ImportKey).HasMaxLength(200);
        b.HasIndex(o => new { o.PartnerId, o.ImportKey });
        b.HasQueryFilter(o => o.ArchivedAt == null); // archived = deleted for everyone but the HSDS/FHIR sync (decision 204)
    }
}
