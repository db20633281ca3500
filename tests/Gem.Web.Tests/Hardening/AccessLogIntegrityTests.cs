using System.Net;
using System.Text.Json;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Plan;
using Gem.Testing;
using Gem.Web.Plan;
using Gem.Web.Tests.Plan;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gem.Web.Tests.Hardening;

/// <summary>Issue 12 finding 5: an access log nobody can rewrite, that logs attendee lists, cannot be flooded and speaks Dutch.</summary>
public sealed class AccessLogIntegrityTests
{
    /// <summary>PostgreSQL only: SQLite has no roles; its rewrite paths are covered by <see cref="Sqlite_ReplaceOrUpsertOfARecord_Refused"/>.</summary>
    [Fact]
    public async Task Postgres_AppRole_CannotUpdateDeleteTruncateOrDisableTheGuards()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Postgres, seedDemo: false);
        var subject = Guid.NewGuid();
        // The host's own connection (the application role) writes a record...
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
            Assert.Equal(TestDatabase.AppRole, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).Username);
            await AccessLog.WriteAsync(db, TimeProvider.System, new AccessLogEntry
            {
                ActorUserId = Guid.NewGuid(), ActorRole = "partner-staff", SubjectUserId = subject, What = "CrisisPlan", Action = AccessAction.Read, Allowed = false,
            });
        }

        // ...and can change it in no way.
        await using var app = new NpgsqlConnection(factory.Database.AppConnectionString);
        await app.OpenAsync();
        Assert.False((bool)(await Scalar(app, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))!);
        var attempts = new[]
        {
            """UPDATE "AccessLog" SET "Allowed" = true""",
            """DELETE FROM "AccessLog" """,
            """TRUNCATE "AccessLog" """,
            """ALTER TABLE "AccessLog" DISABLE TRIGGER ALL""",
            """DROP TRIGGER "AccessLog_append_only" ON "AccessLog" """,
            """SET session_replication_role = replica""",
            """INSERT INTO "AccessLog" ("Id", "At", "ActorRole", "SubjectUserId", "What", "Action", "Allowed") SELECT "Id", "At", 'x', "SubjectUserId", 'x', 1, true FROM "AccessLog" ON CONFLICT ("Id") DO UPDATE SET "Allowed" = true""",
        };
        var refused = 0;
        foreach (var sql in attempts)
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => Scalar(app, sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
            refused++;
        }
        Assert.Equal(attempts.Length, refused);

        await using var check = factory.Database.CreateContext();
        var entry = await check.AccessLog.SingleAsync();
        Assert.False(entry.Allowed);
        Assert.Equal("CrisisPlan", entry.What);
    }

    /// <summary>SQLite only: INSERT OR REPLACE, REPLACE INTO and upserts are SQLite's ways around the delete/update triggers.</summary>
    [SqliteOnly("SQLite syntax: INSERT OR REPLACE, REPLACE INTO and upserts are SQLite ways around the triggers")]
    [Fact]
    public async Task Sqlite_ReplaceOrUpsertOfARecord_Refused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var subject = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            await AccessLog.WriteAsync(db, TimeProvider.System, new AccessLogEntry
            {
                ActorUserId = Guid.NewGuid(), ActorRole = "partner-staff", SubjectUserId = subject, What = "CrisisPlan", Action = AccessAction.Read, Allowed = false,
            });
        }
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        const string columns = "\"Id\", \"At\", \"ActorUserId\", \"ActorRole\", \"ActorOrganisationId\", \"ActorOrganisation\", \"SubjectUserId\", \"What\", \"Action\", \"Allowed\", \"ConsentId\"";
        const string rewritten = "SELECT \"Id\", \"At\", NULL, 'self', NULL, NULL, \"SubjectUserId\", 'Nothing', 1, 1, NULL FROM \"AccessLog\"";
        var attempts = new[]
        {
            $"INSERT OR REPLACE INTO \"AccessLog\" ({columns}) {rewritten}",
            $"REPLACE INTO \"AccessLog\" ({columns}) {rewritten}",
            $"INSERT INTO \"AccessLog\" ({columns}) {rewritten} WHERE true ON CONFLICT(\"Id\") DO UPDATE SET \"Allowed\" = 1, \"What\" = 'Nothing'",
            "UPDATE OR REPLACE \"AccessLog\" SET \"Allowed\" = 1",
        };
        foreach (var sql in attempts)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
        }

        await using var check = database.CreateContext();
        var entry = await check.AccessLog.SingleAsync();
        Assert.Equal(subject, entry.SubjectUserId);
        Assert.False(entry.Allowed);
        Assert.Equal("CrisisPlan", entry.What);
        Assert.Equal("partner-staff", entry.ActorRole);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaffReadingAnAttendeeList_IsLogged_AndThePersonSeesNameRoleAndDutchCategory_AndExportHasIt(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await PlanWorld.CreateAsync(factory);
        var person = world.Person;
        var staff = world.Users[PlanWorld.StaffWith];
        Guid session;
        await using (var db = factory.Database.CreateContext())
            session = await db.Enrolments.Where(e => e.UserId == person.Id).Select(e => e.SessionId).SingleAsync();

        var list = await world.Clients[PlanWorld.StaffWith].GetAsync($"/partner/groups/sessions/{session}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Naam " + world.Marker, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using (var db = factory.Database.CreateContext())
        {
            var entry = await db.AccessLog.SingleAsync(e => e.SubjectUserId == person.Id && e.What == "AttendeeList");
            Assert.Equal(staff.Id, entry.ActorUserId);
            Assert.Equal("partner-staff", entry.ActorRole);
            Assert.Equal(world.PartnerWithConsent, entry.ActorOrganisationId);
            Assert.True(entry.Allowed);
        }

        var page = await world.Clients[PlanWorld.Self].GetStringAsync("/mijn/toegang");
        Assert.Contains(staff.UserName!, page, StringComparison.Ordinal);
        Assert.Contains("medewerker van een organisatie", page, StringComparison.Ordinal);
        Assert.Contains("Deelnemerslijst van een groep", page, StringComparison.Ordinal);
        Assert.DoesNotContain(staff.Id.ToString(), page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(">partner-staff<", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">AttendeeList<", page, StringComparison.Ordinal);

        var export = JsonSerializer.Deserialize<PlanExport>(await world.Clients[PlanWorld.Self].GetStringAsync("/mijn/export.json"), PlanSetup.Json)!;
        var read = Assert.Single(export.AccessLog, a => a.What == "AttendeeList");
        Assert.Equal(staff.UserName, read.Viewer);
        Assert.Equal("partner-staff", read.ViewerRole);
        Assert.Contains(export.AccessLog, a => a.What == "All" && a.Action == AccessAction.Export);
        var fhir = await world.Clients[PlanWorld.Self].GetStringAsync("/mijn/export.fhir.json");
        Assert.Contains("\"resourceType\":\"AuditEvent\"", fhir, StringComparison.Ordinal);
        Assert.Contains(staff.UserName!, fhir, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ACitizen_CannotFloodTheLog(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        var citizen = await factory.CreateUserAsync(Gem.Core.Identity.Roles.Citizen);
        var client = await factory.SignedInClientAsync(citizen);

        // The same look again and again writes one record.
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mijn/toegang")).StatusCode);
        // Asking for other people's plans (each a refusal in someone else's log) stops at the limit, with 429.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < AccessLog.MaxPerActor + 20; i++)
            statuses.Add((await client.GetAsync($"/plan/{Guid.NewGuid()}/doelen")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests, s.ToString()));
        await using var db = factory.Database.CreateContext();
        Assert.Equal(1, await db.AccessLog.CountAsync(e => e.ActorUserId == citizen.Id && e.What == "AccessLog"));
        Assert.True(await db.AccessLog.CountAsync(e => e.ActorUserId == citizen.Id) <= AccessLog.MaxPerActor);
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
