using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Gem.Testing;

/// <summary>
/// A fresh, empty, migrated database for one test or test class, on SQLite (a temp file) or PostgreSQL
/// (a new database on <see cref="PostgresServer"/>). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _file;
    private readonly string? _name;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? file, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _name = name;
    }

    /// <summary>Both providers, for [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))].</summary>
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    /// <summary>Creates the database; with <paramref name="migrate"/> it applies the provider's migrations.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), "gem-test-" + Guid.NewGuid().ToString("N") + ".db");
            db = new TestDatabase(provider, $"Data Source={file};Pooling=False", file, null);
        }
        else
        {
            var name = "gem_test_" + Guid.NewGuid().ToString("N");
            await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }
            var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name };
            db = new TestDatabase(provider, builder.ConnectionString, null, name);
        }
        if (migrate)
        {
            await using var context = db.CreateContext();
            await context.Database.MigrateAsync();
        }
        return db;
    }

    public GemDbContext CreateContext() => GemDatabase.CreateContext(Provider, ConnectionString);

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
