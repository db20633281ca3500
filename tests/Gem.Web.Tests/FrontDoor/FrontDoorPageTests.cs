using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Gem.Core.Atlas;
using Gem.Core.FrontDoor;
using Gem.Core.Identity;
using Gem.Testing;
using Gem.Web.FrontDoor;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.FrontDoor;

/// <summary>The front door over the real host with the demo region (SQLite); one host for the class.</summary>
[SqliteOnly("renders the front door; enrolment through it runs on both in FrontDoorEnrolmentTests")]
public sealed partial class FrontDoorPageTests(FrontDoorPageTests.Host host) : IClassFixture<FrontDoorPageTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public GemWebFactory Factory { get; private set; } = null!;
        public async Task InitializeAsync() => Factory = await GemWebFactory.CreateAsync(Core.Data.DatabaseProvider.Sqlite);
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private HttpClient Client() => host.Factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Home_Get_IsTheFrontDoorWithoutCookiesOrScripts()
    {
        var response = await Client().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"step-1\"", html, StringComparison.Ordinal);
        Assert.Contains("Wat speelt er in je leven?", html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/voorportaal?stap=2&d=LowMood")]
    [InlineData("/voorportaal?stap=3&d=LowMood")]
    [InlineData("/voorportaal?stap=4&d=LowMood")]
    [InlineData("/voorportaal/hulp?d=LowMood&w=MeetPeers&pc4=3841")]
    public async Task Conversation_EveryStep_SetsNoCookieAndUsesNoDiagnosisWords(string path)
    {
        var response = await Client().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        foreach (var word in new[] { "DSM", "diagnose", "stoornis", "depressie", "angststoornis", "ADHD", "PTSS", "borderline", "klachten" })
        {
            Assert.DoesNotContain(word, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Step1_PostWithDangerInOwnWords_CrisisBlockComesBeforeAnyResult()
    {
        var client = Client();
        var post = await client.PostAsync("/voorportaal", new FormUrlEncodedContent([new("d", "LowMood"), new("eigen", "ik wil niet meer leven")]));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var next = post.Headers.Location!.ToString();
        Assert.Contains("c=1", next, StringComparison.Ordinal);
        Assert.DoesNotContain("leven", next, StringComparison.Ordinal); // the own words never travel

        var results = await client.GetStringAsync("/voorportaal/hulp?" + next.Split('?')[1]);
        var crisis = results.IndexOf("data-testid=\"crisis-block\"", StringComparison.Ordinal);
        var firstMatch = results.IndexOf("data-testid=\"match\"", StringComparison.Ordinal);
        Assert.InRange(crisis, 0, firstMatch);
        Assert.Contains("0800-0113", results, StringComparison.Ordinal);
        Assert.Contains("tel:112", results, StringComparison.Ordinal);
        Assert.Contains("huisartsenpost", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step1_PostNotSafeTicked_CrisisBlockOnTheNextStep()
    {
        var client = Client();
        var post = await client.PostAsync("/voorportaal", new FormUrlEncodedContent([new("nietveilig", "1")]));
        var step2 = await client.GetStringAsync(post.Headers.Location!.ToString());
        Assert.Contains("data-testid=\"crisis-block\"", step2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Step1_PostEverydayWords_NoCrisisBlockAndOnlyAnonymousCounts()
    {
        var client = Client();
        await using var before = host.Factory.Database.CreateContext();
        var countsBefore = await before.Set<FrontDoorCount>().Where(c => c.Kind == CountKind.DomainChosen && c.Key == "MoneyAndDebt").SumAsync(c => c.Count);

        var post = await client.PostAsync("/voorportaal", new FormUrlEncodedContent([new("d", "MoneyAndDebt"), new("eigen", "geheimwoord schulden bij de deurwaarder")]));
        var next = post.Headers.Location!.ToString();
        var results = await client.GetStringAsync("/voorportaal/hulp?" + next.Split('?')[1]);

        Assert.DoesNotContain("crisis-block", results, StringComparison.Ordinal);
        await using var db = host.Factory.Database.CreateContext();
        var counts = await db.Set<FrontDoorCount>().ToListAsync();
        Assert.Equal(countsBefore + 1, counts.Where(c => c.Kind == CountKind.DomainChosen && c.Key == "MoneyAndDebt").Sum(c => c.Count));
        Assert.DoesNotContain(counts, c => c.Key.Contains("geheim", StringComparison.Ordinal));
        Assert.DoesNotContain("geheimwoord", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_DemoRegion_ExplainEveryMatchAndShowThreeThatStartThisWeek()
    {
        var html = await Client().GetStringAsync("/voorportaal/hulp?d=LonelinessAndContact&w=MeetPeers&pc4=3851");
        var matches = MatchItem().Matches(html).Count;
        Assert.True(matches >= 6, $"{matches} matches");
        Assert.Equal(matches, Regex.Matches(html, "data-testid=\"why\"").Count);
        // The week list holds three: cards of its own, or a short line pointing to a card above (issue 13: no repeats).
        var week = html[html.IndexOf("data-testid=\"this-week\"", StringComparison.Ordinal)..];
        Assert.Equal(FrontDoorMatcher.SoonWanted, MatchItem().Matches(week).Count + Regex.Matches(week, "data-testid=\"week-seen\"").Count);
        Assert.Contains("km", html, StringComparison.Ordinal);
        Assert.Contains("Gratis", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_Match_TopCoversThreeSectorsGroupsFirstAndStartsSoon()
    {
        var response = await Client().GetFromJsonAsync<FrontDoorSetup.MatchResponse>("/api/frontdoor/match?d=AnxietyAndStress&pc4=8081");
        Assert.NotNull(response);
        Assert.True(response.SectorsInTop >= 3);
        Assert.True(response.Matches[0].IsGroup);
        Assert.All(response.Matches, m => Assert.Contains(m.Reasons, r => r.Kind == "Domain" && r.Value == "AnxietyAndStress"));
        Assert.Equal(3, response.StartThisWeek.Count);
        Assert.All(response.StartThisWeek, m => Assert.True(m.AlwaysAvailable || m.FirstStart <= DateTimeOffset.UtcNow.AddDays(7)));
    }

    [Fact]
    public async Task Calendar_WalkIn_IcsParsesBackWithTheNextSessions()
    {
        await using var db = host.Factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var offer = await db.Offers.FirstAsync(o => o.Format == OfferFormat.WalkIn && o.Sessions.Any(s => s.Start > now));
        var first = (await db.Sessions.Where(s => s.OfferId == offer.Id).ToListAsync()).Where(s => s.End > now).MinBy(s => s.Start)!;

        var page = await Client().GetStringAsync($"/voorportaal/aanbod/{offer.Id}");
        Assert.Contains("Kom gewoon langs", page, StringComparison.Ordinal);
        var response = await Client().GetAsync($"/voorportaal/aanbod/{offer.Id}/agenda.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);

        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.InRange(calendar.Events.Count, 1, 8);
        var ev = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).First();
        Assert.Equal(offer.Name, ev.Summary);
        Assert.Equal(first.Start.UtcDateTime, ev.DtStart!.AsUtc);
    }

    [Fact]
    public async Task Guarantee_Anonymous_SentToSignIn()
    {
        var response = await Client().GetAsync("/voorportaal/garantie");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guarantee_CoordinatorOnDemoRegion_ShowsTheGapsOfTheCheckWithHelplinesNamed()
    {
        var user = await host.Factory.CreateUserAsync(Roles.Coordinator);
        var client = await host.Factory.SignedInClientAsync(user);
        var html = await client.GetStringAsync("/voorportaal/garantie");

        await using var db = host.Factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var pc4s = await db.RegionAreas.Select(a => a.Pc4).Distinct().OrderBy(p => p).ToListAsync();
        var gaps = NoWaitingGuarantee.FindGaps(await FrontDoorCatalog.LoadAsync(db, now), pc4s, now);
        Assert.Contains($"{12 * 9 * (pc4s.Count + 1)} combinaties bekeken, {gaps.Count} onder de drie", html, StringComparison.Ordinal);
        Assert.Equal(gaps.Any(g => g.Helplines > 0), html.Contains("data-testid=\"helplines-note\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Results_English_TranslatedThroughResources()
    {
        var html = await Client().GetStringAsync("/voorportaal/hulp?d=Housing&culture=en-GB&ui-culture=en-GB");
        Assert.Contains("Here is where you can start", html, StringComparison.Ordinal);
        Assert.Contains("This can start this week", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"match\"")]
    private static partial Regex MatchItem();
}
