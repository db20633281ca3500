using System.Net;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Tests.Plan;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Consultation;

/// <summary>
/// Every consultation route × every actor (asker, specialist on duty, other specialist, other staff, the person,
/// resource-group member with and without consent, another citizen, coordinator, anonymous), on SQLite and
/// PostgreSQL: status, whether the question text appears, and one access-log record per read of the person's request
/// by anyone but the person.
/// </summary>
public sealed class ConsultationAuthorizationMatrixTests
{
    private enum Expect { Data, NotFound, OwnDataOnly, SignIn }

    /// <summary>The request about the person: the person, those with consent, and the specialist it is assigned to.</summary>
    private static Expect PersonRequest(string actor) => actor switch
    {
        PlanWorld.Self or PlanWorld.StaffWith or PlanWorld.MemberWith or ConsultationWorld.OnDuty => Expect.Data,
        PlanWorld.Anonymous => Expect.SignIn,
        _ => Expect.NotFound,
    };

    /// <summary>The person's plan, category "Vragen aan de specialist": consent only (the specialist reads the request, not the plan).</summary>
    private static Expect PlanRoute(string actor) => actor == ConsultationWorld.OnDuty ? Expect.NotFound : PersonRequest(actor);

    /// <summary>The anonymised case: its asker and its specialist only.</summary>
    private static Expect CaseRequest(string actor) => actor switch
    {
        PlanWorld.StaffWith or ConsultationWorld.OnDuty => Expect.Data,
        PlanWorld.Anonymous => Expect.SignIn,
        _ => Expect.NotFound,
    };

    /// <summary>The list: a link to the request for those who may see it, an empty list for others.</summary>
    private static Expect List(string actor) => actor switch
    {
        PlanWorld.Self or PlanWorld.StaffWith or PlanWorld.MemberWith or ConsultationWorld.OnDuty => Expect.Data,
        PlanWorld.Anonymous => Expect.SignIn,
        _ => Expect.OwnDataOnly,
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryRoute_EveryActor_NoneLeaks(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await ConsultationWorld.CreateAsync(factory);
        var p = world.Plan.Person.Id;
        var routes = new List<(string Path, Func<string, Expect> Rule, bool Logged, string Needle)>
        {
            ($"/consultatie/{world.PersonRequest}", PersonRequest, true, world.QuestionMarker),
            ($"/consultatie/{world.PersonRequest}/fhir.json", PersonRequest, true, world.QuestionMarker),
            ($"/plan/{p}/vragen", PlanRoute, true, world.QuestionMarker),
            ($"/consultatie/{world.CaseRequest}", CaseRequest, false, world.CaseMarker),
            ($"/consultatie/{world.CaseRequest}/fhir.json", CaseRequest, false, world.CaseMarker),
            ("/consultatie", List, false, world.PersonRequest.ToString()),
        };

        await using var db = factory.Database.CreateContext();
        var before = await db.AccessLog.CountAsync(e => e.SubjectUserId == p && e.ActorUserId != p);
        var failures = new List<string>();
        foreach (var (path, rule, _, needle) in routes)
        {
            foreach (var actor in ConsultationWorld.Actors)
            {
                var expect = rule(actor);
                var response = await world.Clients[actor].GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                var location = response.Headers.Location?.ToString() ?? "";
                var shown = body.Contains(needle, StringComparison.Ordinal);
                var ok = expect switch
                {
                    Expect.Data => response.StatusCode == HttpStatusCode.OK && shown,
                    Expect.OwnDataOnly => response.StatusCode == HttpStatusCode.OK && !shown,
                    Expect.NotFound => response.StatusCode == HttpStatusCode.NotFound && !shown,
                    Expect.SignIn => response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/Account/Login", StringComparison.Ordinal) || location.StartsWith("/mijn/inloggen", StringComparison.Ordinal)),
                    _ => false,
                };
                if (!ok) failures.Add($"{path} as {actor}: expected {expect}, got {(int)response.StatusCode} {location} (question {(shown ? "shown" : "absent")})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Every read of the person's data by someone else is in the log, refusals included; none for the case or the list.
        // Identical accesses by the same actor within 10 minutes are written once (decision 410), so count actors.
        var signedInOthers = ConsultationWorld.Actors.Count(a => a is not PlanWorld.Self and not PlanWorld.Anonymous);
        var entries = await db.AccessLog.AsNoTracking().Where(e => e.SubjectUserId == p && e.ActorUserId != p).ToListAsync();
        Assert.True(entries.Count - before >= signedInOthers, $"{entries.Count - before} new entries for {signedInOthers} actors");
        Assert.True(entries.Select(e => e.ActorUserId).Distinct().Count() >= signedInOthers);
        var specialist = entries.Where(e => e.ActorUserId == world.Users[ConsultationWorld.OnDuty].Id).ToList();
        Assert.Contains(specialist, e => e.Allowed && e.ActorRole == "specialist" && e.What == ConsultationService.What && e.ConsentId is not null);
        Assert.All(entries.Where(e => e.ActorUserId == world.Users[ConsultationWorld.OtherSpecialist].Id), e => Assert.False(e.Allowed));
    }
}
