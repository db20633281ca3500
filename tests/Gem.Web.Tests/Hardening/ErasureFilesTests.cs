using System.Text;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Gem.Web.Tests.Hardening;

/// <summary>
/// Issue 12 finding 6: after erasure the person's strings are gone from the database files themselves, not only from
/// the tables: SQLite's main file, -wal and -shm; PostgreSQL's relation files of the database (after a CHECKPOINT, so
/// nothing waits in memory).
/// </summary>
public sealed class ErasureFilesTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erase_LeavesNoneOfThePersonsStringsInTheDatabaseFiles(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        string U(string what) => what + Guid.NewGuid().ToString("N")[..12];
        var strings = new Dictionary<string, string>
        {
            ["name"] = U("Naam"), ["email"] = U("mail") + "@erase.test.gem.example", ["goal"] = U("Doel"), ["phone"] = "06" + Random.Shared.NextInt64(10_000_000, 99_999_999),
            ["crisis signs"] = U("Signalen"), ["crisis who to call"] = U("Bel"), ["story"] = U("Verhaal"), ["where I started"] = U("Begon"),
            ["what helps"] = U("Helpt"), ["enrolment alias"] = U("Alias"), ["member name"] = U("Lid"),
        };

        Guid person;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var users = sp.GetRequiredService<UserManager<GemUser>>();
            var user = new GemUser { UserName = strings["email"], Email = strings["email"], EmailConfirmed = true, DisplayName = strings["name"] };
            Assert.True((await users.CreateAsync(user, WebTestExtensions.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Citizen);
            person = user.Id;
            var plans = sp.GetRequiredService<PlanService>();
            await plans.SavePlanAsync(person, new PlanText(strings["where I started"], strings["what helps"]));
            await plans.AddGoalAsync(person, strings["goal"]);
            await plans.SaveStoryAsync(person, new StoryText(strings["story"], false));
            await plans.SaveCrisisPlanAsync(person, new CrisisPlanText(strings["crisis signs"], "Wandelen", "Koken", strings["crisis who to call"], "Niet praten"));
            await plans.AddCheckInAsync(person, new CheckInInput(5, 6, 7, 8, 4, 6, 3, 4));
            await sp.GetRequiredService<ResourceGroup>().InviteAsync(person, strings["name"], "vriend@erase.test.gem.example", strings["member name"], MemberRole.Vriend);
            var db = sp.GetRequiredService<GemDbContext>();
            var session = await db.Sessions.OrderBy(s => s.Start).FirstAsync();
            db.Enrolments.Add(new Enrolment
            {
                OfferId = session.OfferId, SessionId = session.Id, Name = strings["enrolment alias"], Email = strings["email"], Phone = strings["phone"],
                UserId = person, CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        // The strings are really in the files before erasure (the scan can see them).
        Assert.NotEmpty(await FoundAsync(factory.Database, strings));

        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PersonalData>().EraseAsync(person);

        var found = await FoundAsync(factory.Database, strings);
        output.WriteLine($"{provider}: {found.Count} of {strings.Count} unique strings found in the database files after erasure{(found.Count > 0 ? ": " + string.Join(", ", found) : "")}");
        if (provider == DatabaseProvider.Postgres) output.WriteLine($"PostgreSQL WAL (pg_wal, recycled by checkpoints; not a table file): {(await WalHitsAsync(factory.Database, strings)).Count} strings");
        Assert.Empty(found);
    }

    /// <summary>Which of the strings (as UTF-8, also upper-cased as Identity's normalised columns hold them) occur in the files.</summary>
    private static async Task<List<string>> FoundAsync(TestDatabase database, Dictionary<string, string> strings)
    {
        var files = new List<string>();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            files.AddRange(new[] { path, path + "-wal", path + "-shm", path + "-journal" }.Where(File.Exists));
        }
        else
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await Exec(connection, "CHECKPOINT");
            var dataDirectory = (string)(await Exec(connection, "SHOW data_directory"))!;
            var oid = Convert.ToString(await Exec(connection, "SELECT oid FROM pg_database WHERE datname = current_database()"), System.Globalization.CultureInfo.InvariantCulture)!;
            // Every relation file of this database: tables, their TOAST and indexes (pg_relation_filepath of each lies here).
            var table = (string)(await Exec(connection, "SELECT pg_relation_filepath('\"AspNetUsers\"')"))!;
            Assert.StartsWith($"base/{oid}/", table, StringComparison.Ordinal);
            files.AddRange(Directory.GetFiles(Path.Combine(dataDirectory, "base", oid)));
        }
        return Search(files, strings);
    }

    private static async Task<List<string>> WalHitsAsync(TestDatabase database, Dictionary<string, string> strings)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var dataDirectory = (string)(await Exec(connection, "SHOW data_directory"))!;
        return Search(Directory.GetFiles(Path.Combine(dataDirectory, "pg_wal")).Where(f => Path.GetFileName(f).Length == 24), strings);
    }

    private static List<string> Search(IEnumerable<string> files, Dictionary<string, string> strings)
    {
        var contents = files.Select(ReadShared).ToList();
        return strings.Where(s => new[] { s.Value, s.Value.ToUpperInvariant() }.Select(Encoding.UTF8.GetBytes)
                .Any(needle => contents.Any(bytes => bytes.AsSpan().IndexOf(needle) >= 0)))
            .Select(s => s.Key).ToList();
    }

    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static async Task<object?> Exec(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
