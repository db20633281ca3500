using Gem.Core.Atlas;
using Gem.Core.Consent;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gem.Core.Data;

/// <summary>The one EF Core context of Gem. Each entity is configured in its own IEntityTypeConfiguration in its capability folder.</summary>
public class GemDbContext(DbContextOptions<GemDbContext> options)
    : IdentityDbContext<GemUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<RegionArea> RegionAreas => Set<RegionArea>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Groups.Enrolment> Enrolments => Set<Groups.Enrolment>();
    public DbSet<Groups.Attendance> Attendances => Set<Groups.Attendance>();
    public DbSet<Groups.Reminder> Reminders => Set<Groups.Reminder>();
    public DbSet<Groups.SeatWatch> SeatWatches => Set<Groups.SeatWatch>();
    public DbSet<Groups.SessionFacilitator> SessionFacilitators => Set<Groups.SessionFacilitator>();
    public DbSet<Plan.PersonalPlan> PersonalPlans => Set<Plan.PersonalPlan>();
    public DbSet<Plan.Goal> Goals => Set<Plan.Goal>();
    public DbSet<Plan.CheckIn> CheckIns => Set<Plan.CheckIn>();
    public DbSet<Consent.ResourceMember> ResourceMembers => Set<Consent.ResourceMember>();
    public DbSet<Consent.ConsentGrant> ConsentGrants => Set<Consent.ConsentGrant>();
    public DbSet<Consent.AccessLogEntry> AccessLog => Set<Consent.AccessLogEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(GemDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset; all our timestamps are UTC, so a
        // sortable binary form keeps range queries in SQL (decision 002).
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<decimal>().HaveConversion<double>();
            configurationBuilder.Properties<decimal?>().HaveConversion<double>();
        }
    }
}
