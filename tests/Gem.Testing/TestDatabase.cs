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
    /// <summary>The owner's connection (on PostgreSQL a superuser): migrations, and tests that look behind the application's back.</summary>
    public string ConnectionString { get; }
    /// <summary>
    /// The connection the web host runs with: on PostgreSQL the non-superuser role <see cref="AppRole"/>, which the host
    /// grants only what it may do (decision 410; it may not change the access log); on SQLite the same file.
    /// </summary>
    public string AppConnectionString => Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(ConnectionString) { Username = AppRole, Password = AppRole }.ConnectionString
        : ConnectionString;

    /// <summary>The application's PostgreSQL role on the test cluster (created once per cluster; cluster-wide like every role).</summary>
    public const string AppRole = "gem_app";
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
                await EnsureAppRoleAsync(admin);
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

    /// <summary>An existing database the caller made and removes (e.g. on a private cluster); not dropped on dispose.</summary>
    public static TestDatabase External(DatabaseProvider provider, string connectionString) => new(provider, connectionString, null, null);

    private static async Task EnsureAppRoleAsync(NpgsqlConnection admin)
    {
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_roles WHERE rolname = '{AppRole}'", admin);
        if (await exists.ExecuteScalarAsync() is not null) return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE ROLE {AppRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '{AppRole}'", admin);
            await create.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
            // Another test process created it at the same moment.
        }
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
