using System.Net;
using Gem.Core.Community;
using Gem.Core.Data;
using Gem.Testing;

namespace Gem.Web.Tests.Community;

/// <summary>
/// Every community page × every actor, on SQLite and PostgreSQL: members, a naaste, a member enrolled in the online
/// group, a moderator, the group's partner staff, other partner staff, a signed-in person without a handle and anonymous.
/// A space someone may not read answers 404 and shows none of its words; search never returns them.
/// </summary>
public sealed class CommunityAuthorizationMatrixTests
{
    private enum Expect { Data, NotFound, OwnDataOnly, SignIn, Join }

    private static Expect Space(SpaceKind kind, string actor) => actor switch
    {
        CommunityWorld.Anonymous => Expect.SignIn,
        CommunityWorld.Moderator => Expect.Data,
        _ => kind switch
        {
            SpaceKind.Theme => actor switch
            {
                CommunityWorld.Member or CommunityWorld.Naaste or CommunityWorld.Enrolled => Expect.Data,
                CommunityWorld.NoHandle => Expect.Join,
                _ => Expect.NotFound,
            },
            SpaceKind.Offer => actor switch
            {
                CommunityWorld.Member or CommunityWorld.Naaste or CommunityWorld.Enrolled or CommunityWorld.StaffOwn => Expect.Data,
                CommunityWorld.NoHandle => Expect.Join,
                _ => Expect.NotFound,
            },
            SpaceKind.GroupRoom => actor switch
            {
                CommunityWorld.Enrolled or CommunityWorld.StaffOwn => Expect.Data,
                CommunityWorld.NoHandle => Expect.Join,
                _ => Expect.NotFound,
            },
            SpaceKind.Naasten => actor switch
            {
                CommunityWorld.Naaste => Expect.Data,
                CommunityWorld.NoHandle => Expect.Join,
                _ => Expect.NotFound,
            },
            _ => Expect.NotFound,
        },
    };

    private static Expect Search(SpaceKind kind, string actor) => Space(kind, actor) switch
    {
        Expect.NotFound => Expect.OwnDataOnly,
        var e => e,
    };

    private static Expect Queue(string actor) => actor switch
    {
        CommunityWorld.Moderator => Expect.Data,
        CommunityWorld.Anonymous => Expect.SignIn,
        _ => Expect.NotFound,
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryPage_EveryActor_NoneLeaks(DatabaseProvider provider)
    {
        await using var factory = await CommunityWorld.FactoryAsync(provider);
        var world = await CommunityWorld.CreateAsync(factory);
        var routes = new List<(string Path, Func<string, Expect> Rule, string Needle)>();
        foreach (var (kind, (slug, thread, marker)) in world.Threads)
        {
            routes.Add(($"/community/ruimte/{slug}", a => Space(kind, a), marker));
            routes.Add(($"/community/draad/{thread}", a => Space(kind, a), marker));
            // The page repeats the query in its search box, so look for the post's own words in the results.
            routes.Add(($"/community/zoeken?q={marker}", a => Search(kind, a), "Bericht met " + marker));
        }
        routes.Add(("/community/moderatie", Queue, world.WaitingMarker));
        // The waiting post is in the theme thread: only its writer and moderators see it there.
        routes.Add(($"/community/draad/{world.Threads[SpaceKind.Theme].Thread}", a => a switch
        {
            CommunityWorld.Member or CommunityWorld.Moderator => Expect.Data,
            CommunityWorld.Anonymous => Expect.SignIn,
            CommunityWorld.NoHandle => Expect.Join,
            CommunityWorld.Naaste or CommunityWorld.Enrolled => Expect.OwnDataOnly,
            _ => Expect.NotFound,
        }, world.WaitingMarker));

        var failures = new List<string>();
        foreach (var (path, rule, needle) in routes)
        {
            foreach (var actor in CommunityWorld.Actors)
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
                    Expect.Join => response.StatusCode == HttpStatusCode.Redirect && location == "/community/lid-worden",
                    Expect.SignIn => response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/Account/Login", StringComparison.Ordinal) || location.StartsWith("/mijn/inloggen", StringComparison.Ordinal)),
                    _ => false,
                };
                if (!ok) failures.Add($"{path} as {actor}: expected {expect}, got {(int)response.StatusCode} {location} (needle {(shown ? "shown" : "absent")})");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
