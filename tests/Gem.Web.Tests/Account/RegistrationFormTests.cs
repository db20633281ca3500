using System.Net;
using Gem.Core.Data;
using Gem.Testing;

namespace Gem.Web.Tests.Account;

/// <summary>
/// Issue 13 item 4: registration states the password rules before anyone fails them, summarises problems at the top
/// in Dutch (Identity's messages too), keeps a good password when something else was wrong, and typing mistakes never
/// count against the limits (a library computer is shared).
/// </summary>
[SqliteOnly("form validation and texts; registration storage runs on both in SignInEnumerationTests")]
public sealed class RegistrationFormTests
{
    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string name, string email, string password, string query = "")
    {
        var token = await WebTestExtensions.AntiforgeryTokenAsync(client, "/mijn/registreren" + query);
        return await client.PostAsync("/mijn/registreren" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = name, ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    private static async Task<GemWebFactory> HostAsync()
    {
        var factory = new GemWebFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false), seedDemo: false);
        factory.Settings["Gem:RateLimits:Scale"] = "1";
        factory.Settings.Remove("Gem:RateLimits:MailPerQuarterHour"); // the production default
        _ = factory.Services;
        return factory;
    }

    [Fact]
    public async Task Get_ShowsEveryPasswordRuleBeforeTheFirstTry()
    {
        await using var factory = await HostAsync();
        var html = await factory.CreateClient().GetStringAsync("/mijn/registreren");
        Assert.Contains("data-testid=\"password-rules\"", html, StringComparison.Ordinal);
        foreach (var rule in new[] { "minstens 12 tekens", "een hoofdletter", "een kleine letter", "een cijfer", "een leesteken" })
            Assert.Contains(rule, html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"password-rules\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakPassword_ErrorSummaryInDutch_NoEnglishIdentityMessage()
    {
        await using var factory = await HostAsync();
        using var client = factory.CreateClient();
        var response = await RegisterAsync(client, "Sam", "sam@test.gem.example", "kortwoord");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("Er is een probleem", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Password\"", html, StringComparison.Ordinal);
        Assert.Contains("minstens 12 tekens lang", html, StringComparison.Ordinal);
        Assert.Contains("hoofdletter (A tot Z)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Passwords must", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("error-summary", StringComparison.Ordinal) < html.IndexOf("<form", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WeakPassword_InEnglish_EnglishMessages()
    {
        await using var factory = await HostAsync();
        using var client = factory.CreateClient();
        var html = await (await RegisterAsync(client, "Sam", "sam@test.gem.example", "short", "?culture=en-GB&ui-culture=en-GB")).Content.ReadAsStringAsync();
        Assert.Contains("The password must be at least 12 characters long.", html, StringComparison.Ordinal);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodPasswordButNoName_PasswordIsKept_WeakOneIsNot()
    {
        await using var factory = await HostAsync();
        using var client = factory.CreateClient();
        var kept = await (await RegisterAsync(client, "", "sam@test.gem.example", "Een-Goed-Wachtwoord-2026")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"Een-Goed-Wachtwoord-2026\"", kept, StringComparison.Ordinal);
        Assert.Contains("Vul je naam of roepnaam in.", kept, StringComparison.Ordinal);
        Assert.Contains("value=\"sam@test.gem.example\"", kept, StringComparison.Ordinal);

        var weak = await (await RegisterAsync(client, "Sam", "sam@test.gem.example", "zwak")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("value=\"zwak\"", weak, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenMistakesFromOneComputer_DoNotLockAnyoneOut()
    {
        await using var factory = await HostAsync();
        using var library = TestClientAddress.From(factory, "203.0.113.50");
        for (var i = 0; i < 10; i++)
        {
            var mistake = await RegisterAsync(library, "Sam", "sam@test.gem.example", "te-kort-" + i);
            Assert.Equal(HttpStatusCode.OK, mistake.StatusCode);
        }

        var done = await RegisterAsync(library, "Sam", "sam@test.gem.example", "Een-Goed-Wachtwoord-2026");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("data-testid=\"register-sent\"", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The next visitor at the same computer registers too.
        var next = await RegisterAsync(library, "Noor", "noor@test.gem.example", "Nog-Een-Wachtwoord-2026");
        Assert.Contains("data-testid=\"register-sent\"", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
