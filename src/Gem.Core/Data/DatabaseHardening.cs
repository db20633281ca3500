using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Gem.Core.Data;

/// <summary>
/// The database owner's connection (<c>ConnectionStrings:GemMigrations</c>): migrations, grants and the VACUUM after an
/// erasure run with it; every request runs with <c>ConnectionStrings:Gem</c>, which on PostgreSQL may be a role that can
/// only INSERT and SELECT the access log (decision 410). Null when the application's own connection owns the database.
/// </summary>
public sealed record DatabaseOwner(DatabaseProvider Provider, string? ConnectionString);

/// <summary>
/// Gives the application's PostgreSQL role exactly what it needs: read and write on every table, sequences, and on
/// the access log only SELECT and INSERT (no UPDATE, DELETE, TRUNCATE, no trigger control). Run as the owner after
/// every migration, so tables added later are covered too.
/// </summary>
public static class PostgresAppRole
{
    public static async Task GrantAsync(string ownerConnectionString, string appConnectionString, CancellationToken ct = default)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username;
        var app = new NpgsqlConnectionStringBuilder(appConnectionString).Username;
        if (string.IsNullOrEmpty(app) || string.Equals(owner, app, StringComparison.Ordinal)) return;
        var role = "\"" + app.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AccessLog" FROM {role};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM {role};
            """, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// Turns on <c>PRAGMA secure_delete</c> on every SQLite connection, so deleted rows are overwritten with zeros in the
/// file instead of lingering in free space (erasure, decisions 402 and 411).
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection) return;
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// After an erasure, makes the deleted rows leave the database files too: on SQLite a WAL checkpoint that truncates
/// the -wal file (secure_delete has zeroed the pages); on PostgreSQL a VACUUM FULL of the touched tables as the
/// owner, which rewrites them and their indexes into new files, so dead tuples do not stay on disk.
/// </summary>
public static class ErasureScrub
{
    public static async Task RunAsync(GemDbContext db, DatabaseOwner? owner, IEnumerable<Type> entityTypes, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            return;
        }
        var tables = entityTypes.Select(t => db.Model.FindEntityType(t)?.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var connectionString = owner?.ConnectionString ?? db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("No connection string to vacuum with.");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"VACUUM (FULL) \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
