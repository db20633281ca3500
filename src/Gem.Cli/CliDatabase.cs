using System.CommandLine;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Cli;

/// <summary>
/// The database a command works on: <c>--provider</c> / <c>--connection</c>, else <c>Gem__Database__Provider</c> /
/// <c>ConnectionStrings__Gem</c>, else the SQLite file in data/. Migrated before use.
/// </summary>
internal static class CliDatabase
{
    public static Option<DatabaseProvider?> ProviderOption() => new("--provider") { Description = "Sqlite or Postgres (default: Gem__Database__Provider, else Sqlite)." };
    public static Option<string?> ConnectionOption() => new("--connection") { Description = "Connection string (default: ConnectionStrings__Gem, else Data Source=data/gem.db)." };

    /// <summary>The migrated context, or null after saying on <paramref name="error"/> why there is none.</summary>
    public static async Task<GemDbContext?> OpenAsync(DatabaseProvider? provider, string? connection, TextWriter error, CancellationToken ct)
    {
        var chosen = provider
            ?? (Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("Gem__Database__Provider"), ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite);
        var cs = connection ?? Environment.GetEnvironmentVariable("ConnectionStrings__Gem");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (chosen != DatabaseProvider.Sqlite)
            {
                await error.WriteLineAsync("Geef --connection of ConnectionStrings__Gem voor PostgreSQL. / Give --connection or ConnectionStrings__Gem for PostgreSQL.");
                return null;
            }
            cs = GemDatabase.DefaultSqlite("data");
        }
        var db = GemDatabase.CreateContext(chosen, cs);
        await db.Database.MigrateAsync(ct);
        return db;
    }
}
