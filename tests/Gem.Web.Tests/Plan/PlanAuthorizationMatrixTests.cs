using System.Net;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Testing;
using Gem.Web.Plan;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Plan;

/// <summary>
/// Every route that touches a person's data × every actor, on SQLite and PostgreSQL. Every cell is asserted:
/// status, and whether the person's data (a marker in every text) appears. Cross-consent reads answer 404.
/// </summary>
public sealed class PlanAuthorizationMatrixTests
{
    private enum Expect { Data, NotFound, OwnDataOnly, Denied, SignIn }

    /// <summary>Routes for someone else's data: /plan/{person}/{category}.</summary>
    private static Expect SharedRoute(string actor) => actor switch
    {
        PlanWorld.Self or PlanWorld.MemberWith or PlanWorld.StaffWith => Expect.Data,
        PlanWorld.Anonymous => Expect.SignIn,
        _ => Expect.NotFound,
    };

    /// <summary>Routes for one's own data (/mijn...): the person sees theirs; other citizens see only their own; staff and coordinators have no plan here.</summary>
    private static Expect OwnRoute(string actor) => actor switch
    {
        PlanWorld.Self => Expect.Data,
        PlanWorld.OtherCitizen or PlanWorld.MemberWith or PlanWorld.MemberWithout => Expect.OwnDataOnly,
        PlanWorld.Anonymous => Expect.SignIn,
        _ => Expect.Denied,
    };

    /// <summary>The list of people who share with me: names only of those who share with the actor.</summary>
    private static Expect SharedListRoute(string actor) => actor switch
    {
        PlanWorld.MemberWith or PlanWorld.StaffWith => Expect.Data,
        PlanWorld.Anonymous => Expect.SignIn,
        _ => Expect.OwnDataOnly,
    };

    /// <summary>Stories shared without a name: for coordinators only.</summary>
    private static Expect StoriesRoute(string actor) => actor switch
    {
        PlanWorld.Coordinator => Expect.Data,
        PlanWorld.Anonymous => Expect.SignIn,
        _ => Expect.Denied,
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryRoute_EveryActor_AnswersAsConsented(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await PlanWorld.CreateAsync(factory);
        var p = world.Person.Id;

        // Needle: what must (Data) or must not (other cells) appear; null where the page holds no such text.
        var routes = new List<(string Path, Func<string, Expect> Rule, bool Logged, string? Needle)>();
        foreach (var slug in PlanSetup.Slugs.Values) routes.Add(($"/plan/{p}/{slug}", SharedRoute, true, slug is "checkins" or "aanmeldingen" or "vragen" or "dagboek" ? world.Name : world.Marker));
        foreach (var path in new[] { "/mijn", "/mijn/crisisplan", "/mijn/kring", "/mijn/export.json", "/mijn/export.fhir.json" })
            routes.Add((path, OwnRoute, false, world.Marker));
        foreach (var path in new[] { "/mijn/toegang", "/mijn/verwijderen", "/mijn/aanmelding-koppelen", "/mijn/beveiliging" })
            routes.Add((path, OwnRoute, false, null));
        routes.Add(("/plan/gedeeld", SharedListRoute, false, world.Name));
        routes.Add(("/plan/verhalen", StoriesRoute, false, world.Marker));

        await using var db = factory.Database.CreateContext();
        var logBefore = await db.AccessLog.CountAsync(e => e.SubjectUserId == p && e.ActorUserId != p);

        var failures = new List<string>();
        var cells = 0;
        foreach (var (path, rule, _, needle) in routes)
        {
            foreach (var actor in PlanWorld.Actors)
            {
                cells++;
                var expect = rule(actor);
                var response = await world.Clients[actor].GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                var status = response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var shown = needle is not null && body.Contains(needle, StringComparison.Ordinal);
                var ok = expect switch
                {
                    Expect.Data => status == HttpStatusCode.OK && (needle is null || shown),
                    Expect.OwnDataOnly => status == HttpStatusCode.OK && !shown,
                    Expect.NotFound => status == HttpStatusCode.NotFound && !shown,
                    Expect.Denied => status == HttpStatusCode.Redirect && location.Contains("/Account/Denied", StringComparison.Ordinal),
                    Expect.SignIn => status == HttpStatusCode.Redirect && location.StartsWith("/mijn/inloggen?ReturnUrl=", StringComparison.Ordinal),
                    _ => false,
                };
                if (!ok) failures.Add($"{path} as {actor}: expected {expect}, got {(int)status} {location} (data {(shown ? "shown" : "absent")})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(routes.Count * PlanWorld.Actors.Length, cells);

        // One access-log record per request by someone else to the person's data, refusals included.
        var shared = routes.Count(r => r.Logged);
        var signedInOthers = PlanWorld.Actors.Count(a => a is not PlanWorld.Self and not PlanWorld.Anonymous);
        var all = await db.AccessLog.AsNoTracking().Where(e => e.SubjectUserId == p && e.ActorUserId != p).ToListAsync();
        // The coordinator read the anonymously shared story once: one record, without a consent row (the opt-in is the consent).
        var story = Assert.Single(all, e => e.What == "Story.Anonymous");
        Assert.Equal(world.Users[PlanWorld.Coordinator].Id, story.ActorUserId);
        var entries = all.Where(e => e.What != "Story.Anonymous").ToList();
        Assert.Equal(shared * signedInOthers, entries.Count - logBefore);
        Assert.Equal(shared * 2, entries.Count(e => e.Allowed));
        Assert.All(entries.Where(e => e.Allowed), e => Assert.NotNull(e.ConsentId));
        Assert.All(entries.Where(e => !e.Allowed), e => Assert.Null(e.ConsentId));
        var staff = entries.Where(e => e.ActorUserId == world.Users[PlanWorld.StaffWith].Id).ToList();
        Assert.All(staff, e => Assert.Equal(world.PartnerWithConsent, e.ActorOrganisationId));
        Assert.All(staff, e => Assert.Equal("partner-staff", e.ActorRole));
        Assert.All(entries.Where(e => e.ActorUserId == world.Users[PlanWorld.MemberWith].Id), e => Assert.Equal("resource-group:naaste", e.ActorRole));
        Assert.Equal(Enum.GetValues<DataCategory>().Select(c => c.ToString()).Order(), staff.Select(e => e.What).Order());
    }
}
