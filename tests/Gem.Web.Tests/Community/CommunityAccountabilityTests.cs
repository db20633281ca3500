using System.Net;
using Gem.Core.Atlas;
using Gem.Core.Community;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Community;

/// <summary>The harms survey page and the community's figures on the dashboard (issue 20).</summary>
public sealed class CommunityAccountabilityTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Survey_StoresTheAnswerWithoutTheMember_AndTheDashboardCountsIt(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var answers = new List<(HttpClient Client, bool Harmed)>();
        for (int i = 0; i < 10; i++)
            answers.Add(((await CommunityPagesTests.MemberAsync(factory, $"lid_{i}")).Client, i < 3));

        // Not answering the first question: a readable error, nothing stored.
        var incomplete = await CommunityPagesTests.PostFormAsync(answers[0].Client, "/community/enquete", "/community/enquete", new() { ["FeelsSafe"] = "true" });
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        Assert.Contains("data-testid=\"survey-error\"", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var (client, harmed) in answers)
        {
            var sent = await CommunityPagesTests.PostFormAsync(client, "/community/enquete", "/community/enquete", new()
            {
                ["Harmed"] = harmed ? "true" : "false", ["Contagion"] = "true", ["FeelsSafe"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/community/enquete?bedankt=true", sent.Headers.Location?.OriginalString);
        }

        await using (var db = factory.Database.CreateContext())
        {
            var stored = await db.Set<HarmsSurveyAnswer>().ToListAsync();
            Assert.Equal(10, stored.Count);
            Assert.Equal(3, stored.Count(a => a.Harmed));
            Assert.Equal(3, stored.Count(a => a.Contagion)); // "what was it about" only counts for those who were harmed
        }

        var coordinator = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Coordinator));
        var page = await coordinator.GetStringAsync("/dashboard/community");
        Assert.Contains("data-testid=\"m-survey\">10<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"m-harmed\">&lt; 10<", page, StringComparison.Ordinal); // 3 people: not shown
        Assert.Contains("data-testid=\"m-safe\">100%<", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard/community\"", await coordinator.GetStringAsync("/dashboard"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_OnlyForCoordinators_SurveyOnlyForMembers(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var (member, _) = await CommunityPagesTests.MemberAsync(factory, "gewoon_lid");
        var denied = await member.GetAsync("/dashboard/community");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/Denied", denied.Headers.Location?.PathAndQuery ?? denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/dashboard/community")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/community/enquete")).StatusCode);
        var noHandle = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Citizen));
        var redirected = await noHandle.GetAsync("/community/enquete");
        Assert.Equal("/community/lid-worden", redirected.Headers.Location?.OriginalString);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Coordinator_AppointsAModeratorByEmail_WhoThenModerates_AndRemovesThem(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var coordinator = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Coordinator));
        var expertUser = await factory.CreateUserAsync(Roles.Citizen);
        var expert = await factory.SignedInClientAsync(expertUser);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync("/community/moderatie")).StatusCode);

        // An address without an account: a readable error, nobody appointed.
        var unknown = await CommunityPagesTests.PostFormAsync(coordinator, "/community/moderatoren", "/community/moderatoren?handler=Add",
            new() { ["Email"] = "niemand@example.org", ["Kind"] = "ExperienceExpert" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("data-testid=\"roster-error\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var appointed = await CommunityPagesTests.PostFormAsync(coordinator, "/community/moderatoren", "/community/moderatoren?handler=Add",
            new() { ["Email"] = " " + expertUser.Email!.ToUpperInvariant() + " ", ["Kind"] = "ExperienceExpert" });
        Assert.Equal(HttpStatusCode.Redirect, appointed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await expert.GetAsync("/community/moderatie")).StatusCode);
        var roster = await coordinator.GetStringAsync("/community/moderatoren");
        Assert.Contains(expertUser.Email!, roster, StringComparison.OrdinalIgnoreCase);

        Guid moderatorId;
        await using (var db = factory.Database.CreateContext())
            moderatorId = (await db.Set<CommunityModerator>().SingleAsync(m => m.UserId == expertUser.Id)).Id;
        var removed = await CommunityPagesTests.PostFormAsync(coordinator, "/community/moderatoren", "/community/moderatoren?handler=Remove",
            new() { ["moderatorId"] = moderatorId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await expert.GetAsync("/community/moderatie")).StatusCode);

        // A member, even a moderator, cannot appoint.
        var (member, _) = await CommunityPagesTests.MemberAsync(factory, "geen_coordinator");
        var refused = await CommunityPagesTests.PostFormAsync(member, "/community/mijn", "/community/moderatoren?handler=Add",
            new() { ["Email"] = expertUser.Email!, ["Kind"] = "Professional" });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using (var db = factory.Database.CreateContext())
            Assert.False(await db.Set<CommunityModerator>().AnyAsync(m => m.UserId == expertUser.Id));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AtlasOfferPage_LinksToItsExperiencesThread_ForMembers(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        Guid offerId;
        await using (var db = factory.Database.CreateContext())
            offerId = (await db.Offers.OrderBy(o => o.Name).FirstAsync()).Id;
        var (member, _) = await CommunityPagesTests.MemberAsync(factory, "ervaring_lezer");
        var offerPage = await member.GetStringAsync($"/atlas/offers/{offerId}");
        Assert.Contains($"href=\"/community/aanbod/{offerId}\"", offerPage, StringComparison.Ordinal);
        var space = await member.GetAsync($"/community/aanbod/{offerId}");
        Assert.Equal(HttpStatusCode.Redirect, space.StatusCode);
        var slug = space.Headers.Location!.OriginalString;
        Assert.StartsWith("/community/ruimte/", slug, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(slug)).StatusCode);
    }

    /// <summary>"Vraag het een specialist": the author sends their thread to the E-spreekuur without their handle; the answer shows in the thread.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AskASpecialist_OnlyTheAuthor_QuestionWithoutHandle_AnswerShowsInTheThread(DatabaseProvider provider)
    {
        await using var factory = await CommunityWorld.FactoryAsync(provider);
        var world = await CommunityWorld.CreateAsync(factory);
        var (_, threadId, marker) = world.Threads[SpaceKind.Theme];
        var url = $"/community/draad/{threadId}";

        // Someone else cannot send another's thread.
        var other = await CommunityPagesTests.PostFormAsync(world.Clients[CommunityWorld.Enrolled], url, url + "?handler=Ask", []);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);

        var asked = await CommunityPagesTests.PostFormAsync(world.Clients[CommunityWorld.Member], url, url + "?handler=Ask", []);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        PublicQuestion question;
        string handle;
        await using (var db = factory.Database.CreateContext())
        {
            question = await db.Set<PublicQuestion>().AsNoTracking().SingleAsync();
            handle = (await db.Set<CommunityMember>().SingleAsync(m => m.UserId == world.Users[CommunityWorld.Member].Id)).Handle;
            Assert.Equal(question.Id, (await db.Set<CommunityThread>().SingleAsync(t => t.Id == threadId)).PublicQuestionId);
        }
        Assert.Contains(marker, question.Question, StringComparison.Ordinal);
        Assert.DoesNotContain(handle, question.Question, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"specialist-answer\"", await world.Clients[CommunityWorld.Member].GetStringAsync(url), StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<GemDbContext>();
            var ggz = await db.Partners.Where(p => p.Sector == Sector.GroteGgz).Select(p => p.Id).FirstAsync();
            var specialist = await factory.CreateUserAsync(Roles.Specialist, ggz);
            await sp.GetRequiredService<ConsultationPool>().AddAsync(specialist.Id, Discipline.Psychiater);
            await sp.GetRequiredService<PublicQuestions>().AnswerAsync(specialist.Id, question.Id, "Praat erover met iemand die je vertrouwt " + marker + "-antwoord.");
        }
        var page = await world.Clients[CommunityWorld.Member].GetStringAsync(url);
        Assert.Contains(marker + "-antwoord", page, StringComparison.Ordinal);

        // Asking twice changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await CommunityPagesTests.PostFormAsync(world.Clients[CommunityWorld.Member], url, url + "?handler=Ask", [])).StatusCode);
        await using (var db = factory.Database.CreateContext())
            Assert.Equal(1, await db.Set<PublicQuestion>().CountAsync());
    }
}
