using Gem.Core.Demo;
using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Section <c>Gem:Database</c>. The connection string itself is <c>ConnectionStrings:Gem</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Gem:Database";
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    /// <summary>Load the demo region when the database has no region yet.</summary>
    public bool SeedDemo { get; set; }
    /// <summary>With <see cref="SeedDemo"/>: once, in the background, simulate a year of history in the demo region (issue 7).</summary>
    public bool DemoHistory { get; set; }
    /// <summary>How many weeks <see cref="DemoHistory"/> simulates.</summary>
    [Range(1, 520)] public int DemoHistoryWeeks { get; set; } = 52;
    /// <summary>Folder for the default SQLite file when no connection string is given.</summary>
    [Required] public string DataFolder { get; set; } = "data";
}

public static class GemDatabase
{
    public const string SqliteMigrationsAssembly = "Gem.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Gem.Migrations.Postgres";

    /// <summary>The default connection string: a SQLite file in the data folder.</summary>
    public static string DefaultSqlite(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        return $"Data Source={Path.Combine(dataFolder, "gem.db")}";
    }

    /// <summary>Points EF at the chosen provider and its own migrations assembly.</summary>
    public static T Use<T>(this T builder, DatabaseProvider provider, string connectionString) where T : DbContextOptionsBuilder
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)).AddInterceptors(SqliteSecureDelete.Instance),
            DatabaseProvider.Postgres => builder.UseNpgsql(Tuned(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        return builder;
    }

    /// <summary>
    /// The connection settings the enrolment rush was measured with (issue 17, bench/Gem.Groups.Bench/README.md); a
    /// connection string that sets one of them itself keeps its own value:
    /// <list type="bullet">
    /// <item><c>Max Auto Prepare=64</c>: PostgreSQL parses and plans the few statements a server sends again and again
    /// once per connection instead of on every request.</item>
    /// <item><c>No Reset On Close=true</c>: a connection back in the pool is not reset (three statements on its next
    /// use). Gem sets no session state (no SET, no session advisory locks); an open transaction is still rolled back.</item>
    /// <item><c>Maximum Pool Size</c> = 8 per processor core (16 on 2 cores) instead of Npgsql's 100: past that, requests
    /// wait for a connection in the pool instead of as PostgreSQL backends competing for the same cores; on the 2-core
    /// machine the steady enrolment rush was faster with 16 than with 100.</item>
    /// </list>
    /// </summary>
    public static string Tuned(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        bool Has(params string[] keys) => keys.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase));
        if (!Has("Auto Prepare", "AutoPrepare")) builder.MaxAutoPrepare = 64;
        if (!Has("Reset On Close", "ResetOnClose")) builder.NoResetOnClose = true;
        if (!Has("Maximum Pool Size", "MaxPoolSize")) builder.MaxPoolSize = 8 * Environment.ProcessorCount;
        return builder.ConnectionString;
    }

    public static GemDbContext CreateContext(DatabaseProvider provider, string connectionString) =>
        new(new DbContextOptionsBuilder<GemDbContext>().Use(provider, connectionString).Options);
}
