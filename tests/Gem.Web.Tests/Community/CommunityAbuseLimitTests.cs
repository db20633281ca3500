using System.Globalization;
using System.Net;
using Gem.Core.Abuse;
using Gem.Core.Community;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Gem.Web.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Gem.Web.Tests.Community.CommunityPagesTests;

namespace Gem.Web.Tests.Community;

/// <summary>
/// The community's cheap writes are limited with the production numbers (scale 1): posting per member (threads and
/// replies together), flagging per member and taking a handle per client address. Over the limit the page answers 429
/// with Retry-After and a readable page, and the refused write changes nothing. The counters are in the database, so
/// both providers.
/// </summary>
public sealed class CommunityAbuseLimitTests
{
    private static async Task<GemWebFactory> HostAsync(DatabaseProvider provider)
    {
        var factory = await GemWebFactory.CreateAsync(provider, start: false);
        factory.Settings["Gem:RateLimits:Scale"] = "1";
        factory.Settings["Gem:Community:FirstPostsApproval"] = "0";
        _ = factory.Services;
        return factory;
    }

    private static string Slug => CommunityService.ThemeSlug(Gem.Core.Atlas.LifeDomains.Meaning);

    /// <summary>A refusal: 429, a Retry-After within the rule's window, and a page for people (not a bare status).</summary>
    private static async Task AssertRefusedAsync(HttpResponseMessage response, RateRule rule)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retry = Assert.Single(response.Headers.GetValues("Retry-After"));
        var seconds = int.Parse(retry, CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, (int)rule.Window.TotalSeconds);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<int> PostsAsync(GemWebFactory factory, GemUser user)
    {
        await using var db = factory.Database.CreateContext();
        var member = await db.Set<CommunityMember>().SingleAsync(m => m.UserId == user.Id);
        return await db.Set<CommunityPost>().CountAsync(p => p.AuthorMemberId == member.Id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Posting_OverThePerMemberLimit_429WithRetryAfter_NothingWritten_OtherMembersStillWrite(DatabaseProvider provider)
    {
        await using var factory = await HostAsync(provider);
        var (client, user) = await MemberAsync(factory, CommunityWorld.Word("Veel"));
        var space = "/community/ruimte/" + Slug;
        var opened = await PostFormAsync(client, space, space, new() { ["ThreadTitle"] = "Eerste draad", ["Body"] = "Hallo" });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var thread = opened.Headers.Location!.ToString().Split('?')[0];
        // Threads and replies count together.
        for (var i = 1; i < CommunityModule.PostPerMember.Permits; i++)
        {
            var reply = await PostFormAsync(client, thread, thread + "?handler=Reply", new() { ["Body"] = "Reactie " + i.ToString(CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        }
        Assert.Equal(CommunityModule.PostPerMember.Permits, await PostsAsync(factory, user));

        await AssertRefusedAsync(await PostFormAsync(client, thread, thread + "?handler=Reply", new() { ["Body"] = "Nog een" }), CommunityModule.PostPerMember);
        await AssertRefusedAsync(await PostFormAsync(client, space, space, new() { ["ThreadTitle"] = "Nog een draad", ["Body"] = "Hallo" }), CommunityModule.PostPerMember);
        Assert.Equal(CommunityModule.PostPerMember.Permits, await PostsAsync(factory, user));

        // The limit is the member's: someone else behind the same address still writes.
        var (other, otherUser) = await MemberAsync(factory, CommunityWorld.Word("Ander"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(other, thread, thread + "?handler=Reply", new() { ["Body"] = "Ik ook" })).StatusCode);
        Assert.Equal(1, await PostsAsync(factory, otherUser));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Flagging_OverThePerMemberLimit_429WithRetryAfter_FlagNotCounted(DatabaseProvider provider)
    {
        await using var factory = await HostAsync(provider);
        var writer = await factory.CreateUserAsync(Roles.Citizen);
        Guid threadId;
        var posts = new List<Guid>();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var community = scope.ServiceProvider.GetRequiredService<CommunityService>();
            await community.JoinAsync(writer.Id, CommunityWorld.Word("Schrijver"), false);
            var viewer = await community.ViewerAsync(writer.Id);
            var space = await community.SpaceAsync(Slug, viewer);
            var opened = await community.CreateThreadAsync(viewer, space.Id, "Veel berichten", "Begin", null);
            threadId = opened.ThreadId;
            for (var i = 0; i <= CommunityModule.FlagPerMember.Permits; i++)
                posts.Add((await community.ReplyAsync(viewer, threadId, "Bericht " + i.ToString(CultureInfo.InvariantCulture), null)).PostId);
        }
        var (client, _) = await MemberAsync(factory, CommunityWorld.Word("Melder"));
        var thread = "/community/draad/" + threadId;
        var action = thread + "?handler=Flag";
        for (var i = 0; i < CommunityModule.FlagPerMember.Permits; i++)
        {
            var flagged = await PostFormAsync(client, thread, action, new() { ["postId"] = posts[i].ToString(), ["reason"] = "test" });
            Assert.Equal(HttpStatusCode.Redirect, flagged.StatusCode);
        }
        var last = posts[CommunityModule.FlagPerMember.Permits];
        await AssertRefusedAsync(await PostFormAsync(client, thread, action, new() { ["postId"] = last.ToString(), ["reason"] = "test" }), CommunityModule.FlagPerMember);

        await using var db = factory.Database.CreateContext();
        Assert.Equal(CommunityModule.FlagPerMember.Permits, await db.Set<CommunityFlag>().CountAsync());
        Assert.Equal(0, (await db.Set<CommunityPost>().SingleAsync(p => p.Id == last)).Flags);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TakingAHandle_OverThePerAddressLimit_429WithRetryAfter_NoMemberMade(DatabaseProvider provider)
    {
        await using var factory = await HostAsync(provider);
        for (var i = 0; i < CommunityModule.JoinPerIp.Permits; i++)
            await MemberAsync(factory, CommunityWorld.Word("Lid"));
        var late = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Citizen));
        var refused = await PostFormAsync(late, "/community/lid-worden", "/community/lid-worden", new() { ["Handle"] = CommunityWorld.Word("Laat") });
        await AssertRefusedAsync(refused, CommunityModule.JoinPerIp);

        await using var db = factory.Database.CreateContext();
        Assert.Equal(CommunityModule.JoinPerIp.Permits, await db.Set<CommunityMember>().CountAsync());
    }
}
