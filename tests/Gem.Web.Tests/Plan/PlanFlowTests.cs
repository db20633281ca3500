using Gem.Core.Consent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Testing;
using Gem.Web.Plan;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Task = System.Threading.Tasks.Task;

namespace Gem.Web.Tests.Plan;

/// <summary>Consent withdrawal while signed in, export (JSON, FHIR), erasure with a scan of every table.</summary>
public sealed partial class PlanFlowTests
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handlerPath, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(handlerPath, new FormUrlEncodedContent(fields));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Withdraw_WhileRecipientSignedIn_NextRequestRefused(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await PlanWorld.CreateAsync(factory);
        var member = world.Clients[PlanWorld.MemberWith];
        var staff = world.Clients[PlanWorld.StaffWith];
        var crisis = $"/plan/{world.Person.Id}/crisisplan";
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(crisis)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(crisis)).StatusCode);

        // The person withdraws through the real page: one click per recipient and category, like giving.
        var person = world.Clients[PlanWorld.Self];
        var withdrawn = await PostFormAsync(person, "/mijn/kring", "/mijn/kring?handler=Share", new()
        {
            ["kind"] = "Member", ["recipient"] = world.MemberWithConsentId.ToString(), ["category"] = "CrisisPlan", ["give"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(crisis)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/plan/{world.Person.Id}/doelen")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(crisis)).StatusCode);

        await PostFormAsync(person, "/mijn/kring", "/mijn/kring?handler=Share", new()
        {
            ["kind"] = "Partner", ["recipient"] = world.PartnerWithConsent.ToString(), ["category"] = "CrisisPlan", ["give"] = "false",
        });
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync(crisis)).StatusCode);

        // Giving again is the same single step.
        await PostFormAsync(person, "/mijn/kring", "/mijn/kring?handler=Share", new()
        {
            ["kind"] = "Member", ["recipient"] = world.MemberWithConsentId.ToString(), ["category"] = "CrisisPlan", ["give"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(crisis)).StatusCode);
    }

    [SqliteOnly("the export format; withdrawal and erasure run on both in this class")]
    [Fact]
    public async Task Export_JsonAndFhir_RoundTripAndParse()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var world = await PlanWorld.CreateAsync(factory);
        var person = world.Clients[PlanWorld.Self];

        var json = await person.GetStringAsync("/mijn/export.json");
        var export = JsonSerializer.Deserialize<PlanExport>(json, PlanSetup.Json)!;
        Assert.Equal(json, JsonSerializer.Serialize(export, PlanSetup.Json));
        Assert.Equal(world.Person.Id, export.Person.Id);
        Assert.Equal("Helpt " + world.Marker, export.Plan.WhatHelps);
        Assert.Equal("Doel " + world.Marker, Assert.Single(export.Goals).Text);
        Assert.Equal(7, Assert.Single(export.CheckIns).Identity);
        Assert.Single(export.Enrolments);
        Assert.Equal(2, export.ResourceGroup.Count);
        Assert.Equal((Enum.GetValues<Gem.Core.Consent.DataCategory>().Length * 2) + 1, export.Consents.Count); // every category to the member and the partner, one withdrawn
        Assert.True(export.Story.ShareAnonymously);

        var response = await person.GetAsync("/mijn/export.fhir.json");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(await response.Content.ReadAsStringAsync());
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var resources = bundle.Entry.Select(e => e.Resource).ToList();
        Assert.Single(resources.OfType<Patient>());
        var carePlan = Assert.Single(resources.OfType<CarePlan>());
        Assert.Equal("Helpt " + world.Marker, carePlan.Description);
        Assert.Equal("Doel " + world.Marker, Assert.Single(resources.OfType<Hl7.Fhir.Model.Goal>()).Description.Text);
        var response1 = Assert.Single(resources.OfType<QuestionnaireResponse>());
        Assert.Equal(8, response1.Item.Count);
        Assert.Equal(export.Consents.Count, resources.OfType<Hl7.Fhir.Model.Consent>().Count());
        Assert.Equal(2, resources.OfType<RelatedPerson>().Count());
        Assert.All(bundle.Entry, e => Assert.StartsWith("urn:uuid:", e.FullUrl, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Erase_EverythingAboutPerson_GoneFromEveryTable(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await PlanWorld.CreateAsync(factory);
        var person = world.Person;
        // The person is also in someone else's group, has an enrolment made without an account and waits for a seat.
        await using (var db = factory.Database.CreateContext())
        {
            var other = world.Users[PlanWorld.OtherCitizen];
            db.ResourceMembers.Add(new ResourceMember { OwnerId = other.Id, Email = person.Email!, Role = MemberRole.Buur, MemberUserId = person.Id, InvitedAt = DateTimeOffset.UtcNow });
            var session = await db.Sessions.OrderBy(s => s.Start).FirstAsync();
            db.Enrolments.Add(new Enrolment { OfferId = session.OfferId, SessionId = session.Id, Name = "Alias " + world.Marker, Email = person.Email!.ToUpperInvariant(), CreatedAt = DateTimeOffset.UtcNow });
            db.SeatWatches.Add(new SeatWatch { SessionId = session.Id, Email = person.Email!, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        // Someone else viewed the plan, so the access log has records to keep.
        Assert.Equal(HttpStatusCode.OK, (await world.Clients[PlanWorld.MemberWith].GetAsync($"/plan/{person.Id}/doelen")).StatusCode);

        var client = world.Clients[PlanWorld.Self];
        var erased = await PostFormAsync(client, "/mijn/verwijderen", "/mijn/verwijderen", new() { ["Sure"] = "true", ["Confirm"] = WebTestExtensions.Password });
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        var needles = new[] { person.Email!, world.Marker, world.Name, person.Id.ToString() };
        var hits = await ScanAsync(factory.Database, needles);
        Assert.True(hits.All(h => h.StartsWith("AccessLog:", StringComparison.Ordinal)), string.Join("\n", hits));
        Assert.Contains(hits, h => h.StartsWith("AccessLog:", StringComparison.Ordinal));

        // Every session ends: the member's view and the person's own client are both refused now.
        Assert.Equal(HttpStatusCode.NotFound, (await world.Clients[PlanWorld.MemberWith].GetAsync($"/plan/{person.Id}/doelen")).StatusCode);
        var again = await client.GetAsync("/mijn");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("/mijn/inloggen", again.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Every value in every table of the database, as text, checked for the needles. Returns "Table: needle" per hit.</summary>
    private static async Task<List<string>> ScanAsync(TestDatabase database, IReadOnlyList<string> needles)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = database.Provider == DatabaseProvider.Sqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("PersonalPlans", tables);
        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (await reader.IsDBNullAsync(i)) continue;
                    var value = reader.GetValue(i) switch
                    {
                        byte[] bytes => Convert.ToHexString(bytes),
                        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                        var v => v.ToString() ?? "",
                    };
                    foreach (var needle in needles)
                        if (value.Contains(needle, StringComparison.OrdinalIgnoreCase)) hits.Add($"{table}: {needle}");
                }
            }
        }
        return hits;
    }
}
