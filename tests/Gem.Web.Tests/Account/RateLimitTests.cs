using System.Net;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;

namespace Gem.Web.Tests.Account;

public sealed class RateLimitTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var token = await WebTestExtensions.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    [SqliteOnly("the 429 answer; the rate counters run on both in AbuseLimitTests and RateCounterBatchTests")]
    [Fact]
    public async Task ForgotPassword_MorePostsThanTheLimit_Answers429AndSendsNoMoreMail()
    {
        await using var factory = new GemWebFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false));
        factory.Settings["Gem:RateLimits:MailPerQuarterHour"] = "2";
        var user = await factory.CreateUserAsync(Roles.PartnerStaff);
        using var client = factory.CreateClient();

        var first = await PostAsync(client, "/Account/ForgotPassword", new() { ["Email"] = user.Email! });
        var second = await PostAsync(client, "/Account/ForgotPassword", new() { ["Email"] = user.Email! });
        var third = await PostAsync(client, "/Account/ForgotPassword", new() { ["Email"] = user.Email! });
        var register = await PostAsync(client, "/mijn/registreren", new() { ["Email"] = "nieuw@test.gem.example", ["Name"] = "Nieuw", ["Password"] = "Een-lang-wachtwoord-2026" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Te vaak geprobeerd", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.TooManyRequests, register.StatusCode);
        await factory.DeliverMailAsync();
        Assert.Equal(2, Directory.GetFiles(factory.MailFolder, "*.eml").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/ForgotPassword")).StatusCode);
    }
}
