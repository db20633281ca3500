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
            DatabaseProvider.Postgres => builder.UseNpgsql(WithAutoPrepare(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        return builder;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a server sends again and again (issue 17): PostgreSQL then parses and plans the
    /// enrolment's few statements once per connection instead of on every request. A connection string that sets
    /// <c>Max Auto Prepare</c> itself keeps its own value.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    public static GemDbContext CreateContext(DatabaseProvider provider, string connectionString) =>
        new(new DbContextOptionsBuilder<GemDbContext>().Use(provider, connectionString).Options);
}
