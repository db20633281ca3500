using System.Net;
using Gem.Core.Community;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Community;

/// <summary>The community through its pages, without JavaScript: join, post, crisis, XSS, moderated hours, export.</summary>
public sealed class CommunityPagesTests
{
    internal static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    internal static async Task<(HttpClient Client, GemUser User)> MemberAsync(GemWebFactory factory, string handle)
    {
        var user = await factory.CreateUserAsync(Roles.Citizen);
        var client = await factory.SignedInClientAsync(user);
        var joined = await PostFormAsync(client, "/community/lid-worden", "/community/lid-worden", new() { ["Handle"] = handle });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        return (client, user);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CrisisPhrase_WriterSees113And112_ModeratorOnDutyMailed_PostWaits(DatabaseProvider provider)
    {
        await using var factory = await CommunityWorld.FactoryAsync(provider);
        var moderatorUser = await factory.CreateUserAsync(Roles.Citizen);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var moderation = scope.ServiceProvider.GetRequiredService<Moderation>();
            await moderation.AddModeratorAsync(moderatorUser.Id, ModeratorKind.ExperienceExpert);
            await moderation.SetOnDutyAsync(moderatorUser.Id, true);
        }
        var (client, _) = await MemberAsync(factory, CommunityWorld.Word("Schrijver"));
        var slug = CommunityService.ThemeSlug(Gem.Core.Atlas.LifeDomains.LowMood);
        var marker = CommunityWorld.Word("crisis");
        var posted = await PostFormAsync(client, "/community/ruimte/" + slug, "/community/ruimte/" + slug,
            new() { ["ThreadTitle"] = "Vannacht", ["Body"] = "Ik wil niet meer leven " + marker });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await client.GetStringAsync(posted.Headers.Location!.ToString());
        Assert.Contains("data-testid=\"community-crisis\"", page, StringComparison.Ordinal);
        Assert.Contains("tel:08000113", page, StringComparison.Ordinal);
        Assert.Contains("tel:112", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"posted-status\"", page, StringComparison.Ordinal);

        // Nobody else sees it; the moderator on duty gets a mail without the words.
        var (other, _) = await MemberAsync(factory, CommunityWorld.Word("Ander"));
        Assert.DoesNotContain(marker, await other.GetStringAsync("/community/ruimte/" + slug), StringComparison.Ordinal);
        await factory.DeliverMailAsync();
        var mails = Directory.GetFiles(factory.MailFolder, "*.eml").Select(File.ReadAllText).ToList();
        var alert = Assert.Single(mails, m => m.Contains(moderatorUser.Email!, StringComparison.OrdinalIgnoreCase) && m.Contains("/community/moderatie", StringComparison.Ordinal));
        Assert.DoesNotContain(marker, alert, StringComparison.Ordinal);
        var moderator = await factory.SignedInClientAsync(moderatorUser);
        Assert.Contains(marker, await moderator.GetStringAsync("/community/moderatie"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task XssCorpus_ThroughTitlesPostsAndHandles_NothingExecutable(DatabaseProvider provider)
    {
        await using var factory = await CommunityWorld.FactoryAsync(provider);
        var (client, _) = await MemberAsync(factory, CommunityWorld.Word("Veilig"));
        // A handle is letters, digits, - and _: every attack is refused, and the page says so.
        var stranger = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Citizen));
        var refused = await PostFormAsync(stranger, "/community/lid-worden", "/community/lid-worden",
            new() { ["Handle"] = "<script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"join-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var slug = CommunityService.ThemeSlug(Gem.Core.Atlas.LifeDomains.Meaning);
        var threads = new List<string>();
        foreach (var attack in XssAssert.Corpus.Take(30))
        {
            var title = attack.Length > 140 ? attack[..140] : attack;
            var posted = await PostFormAsync(client, "/community/ruimte/" + slug, "/community/ruimte/" + slug, new() { ["ThreadTitle"] = "x " + title, ["Body"] = attack, ["Warning"] = attack.Length > 90 ? attack[..90] : attack });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            threads.Add(posted.Headers.Location!.ToString());
        }
        foreach (var attack in XssAssert.Corpus.Skip(30))
        {
            var posted = await PostFormAsync(client, threads[0], threads[0].Split('?')[0] + "?handler=Reply", new() { ["Body"] = attack });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }
        foreach (var path in threads.Append("/community/ruimte/" + slug).Append("/community/mijn").Append("/community/zoeken?q=alert"))
        {
            var page = await client.GetStringAsync(path);
            XssAssert.PageInert(page);
        }
        // Raw tags in a title are shown as text.
        Assert.Contains("&lt;IMG", await client.GetStringAsync("/community/ruimte/" + slug), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryCommunityPage_ShowsModeratedHours(DatabaseProvider provider)
    {
        await using var factory = await CommunityWorld.FactoryAsync(provider);
        var world = await CommunityWorld.CreateAsync(factory);
        var member = world.Clients[CommunityWorld.Member];
        var paths = new[] { "/community", "/community/zoeken", "/community/mijn", "/community/ruimte/" + world.Threads[SpaceKind.Theme].Slug, "/community/draad/" + world.Threads[SpaceKind.Theme].Thread };
        foreach (var path in paths)
        {
            var page = await member.GetStringAsync(path);
            Assert.Contains("data-testid=\"moderated-hours\"", page, StringComparison.Ordinal);
            Assert.Contains("08:00", page, StringComparison.Ordinal);
        }
        Assert.Contains("data-testid=\"moderated-hours\"", await world.Clients[CommunityWorld.Moderator].GetStringAsync("/community/moderatie"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"moderated-hours\"", await world.Clients[CommunityWorld.Anonymous].GetStringAsync("/community"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_HoldsThePosts_AndThePersonalDataExportToo(DatabaseProvider provider)
    {
        await using var factory = await CommunityWorld.FactoryAsync(provider);
        var world = await CommunityWorld.CreateAsync(factory);
        var marker = world.Threads[SpaceKind.Theme].Marker;
        var member = world.Clients[CommunityWorld.Member];
        Assert.Contains(marker, await member.GetStringAsync("/community/mijn/export.json"), StringComparison.Ordinal);
        Assert.Contains(marker, await member.GetStringAsync("/mijn/export.json"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Clients[CommunityWorld.NoHandle].GetAsync("/community/mijn/export.json")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AccountErasure_RemovesHandleAndPosts(DatabaseProvider provider)
    {
        await using var factory = await CommunityWorld.FactoryAsync(provider);
        var world = await CommunityWorld.CreateAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Gem.Core.Plan.PersonalData>().EraseAsync(world.Users[CommunityWorld.Naaste].Id);
        await using var db = factory.Database.CreateContext();
        var marker = world.Threads[SpaceKind.Naasten].Marker;
        Assert.False(await db.Set<CommunityPost>().AnyAsync(p => p.Body.Contains(marker)));
        Assert.False(await db.Set<CommunityThread>().AnyAsync(t => t.Title.Contains(marker)));
        Assert.False(await db.Set<CommunityMember>().AnyAsync(m => m.UserId == world.Users[CommunityWorld.Naaste].Id));
    }
}
