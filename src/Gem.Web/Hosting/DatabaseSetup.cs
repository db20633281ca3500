using Gem.Core.Demo;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gem.Web.Hosting;

public static class DatabaseSetup
{
    /// <summary>Registers GemDbContext for the configured provider (Gem:Database:Provider, ConnectionStrings:Gem).</summary>
    public static void AddGemDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Pooled (issue 17): a request rents a context that is reset on return instead of building a new one and its
        // services each time. GemDbContext holds no per-request state besides what EF resets.
        builder.Services.AddDbContextPool<GemDbContext>((services, options) =>
        {
            var settings = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connectionString = builder.Configuration.GetConnectionString("Gem");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                if (settings.Provider != DatabaseProvider.Sqlite)
                    throw new InvalidOperationException("ConnectionStrings:Gem is required when Gem:Database:Provider is Postgres.");
                connectionString = GemDatabase.DefaultSqlite(Path.GetFullPath(settings.DataFolder, builder.Environment.ContentRootPath));
            }
            options.Use(settings.Provider, connectionString);
        });
        // The owner's connection for migrations, grants and the VACUUM after an erasure (decision 410).
        builder.Services.AddSingleton(services => new DatabaseOwner(
            services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider,
            builder.Configuration.GetConnectionString("GemMigrations") is { Length: > 0 } owner ? owner : null));
    }

    /// <summary>Applies pending migrations, then loads the demo region into an empty database when configured.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GemDbContext>();
        if (services.GetRequiredService<DatabaseOwner>() is { ConnectionString: { } owner } && db.Database.IsNpgsql())
        {
            // Migrate as the owner, then give the application's role only what it may do (decision 410).
            await using (var ownerDb = GemDatabase.CreateContext(DatabaseProvider.Postgres, owner))
                await ownerDb.Database.MigrateAsync();
            await PostgresAppRole.GrantAsync(owner, db.Database.GetConnectionString()!);
        }
        else await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Readers do not block the writer; concurrent writers wait (busy timeout) instead of failing.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await IdentitySetup.EnsureRolesAsync(services);
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.SeedDemo
            && await DemoRegion.SeedIfEmptyAsync(db, services.GetRequiredService<TimeProvider>()))
        {
            await DemoAccounts.SeedAsync(services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Gem.Core.Identity.GemUser>>(), db);
            app.Logger.LogInformation("Loaded the demo region into an empty database");
        }
    }
}
