using System.Net;
using Gem.Core.Atlas;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Site;

/// <summary>Issue 13: the public E-spreekuur form is an anonymous write, limited like the others (decision 621).</summary>
public sealed class PublicQuestionLimitTests
{
    private static async Task<HttpResponseMessage> AskAsync(HttpClient client, string question) =>
        await client.PostAsync("/spreekuur", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Question"] = question,
            ["Domain"] = nameof(LifeDomains.LonelinessAndContact),
            ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, "/spreekuur"),
        }));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ask_OverTheLimits_Answers429StatusPage_AndStoresNothingMore(DatabaseProvider provider)
    {
        await using var factory = new GemWebFactory(await TestDatabase.CreateAsync(provider, migrate: false), seedDemo: false);
        factory.Settings["Gem:RateLimits:Scale"] = "1";
        using var client = TestClientAddress.From(factory, "203.0.113.40");

        // The same words again and again: the third is refused.
        var same = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) same.Add(await AskAsync(client, "Hoe vind ik  mensen om mee te wandelen in de buurt?"));
        Assert.All(same.Take(2), r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, same[2].StatusCode);

        // Different questions from one address: 20 an hour, then the 429 page.
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++) answers.Add(await AskAsync(client, $"Vraag nummer {i}: hoe kom ik in contact met anderen?"));
        Assert.Equal(17, answers.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        var refused = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Te vaak geprobeerd", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"crisis-bar\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/atlas\"", html, StringComparison.Ordinal);

        await using (var db = factory.Database.CreateContext())
            Assert.Equal(19, await db.Set<PublicQuestion>().CountAsync());

        // Someone else, elsewhere, can still ask.
        using var other = TestClientAddress.From(factory, "198.51.100.41");
        Assert.Equal(HttpStatusCode.Redirect, (await AskAsync(other, "Waar kan ik praten over rouw?")).StatusCode);
    }
}
