using System.Net;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Gem.Web.Tests.Plan;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Hardening;

/// <summary>Issue 12 finding 4: logout ends the session on the server; sensitive changes ask for the password again.</summary>
public sealed class SessionEndTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Logout_TheOldCookieNoLongerOpensMijn(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var citizen = await factory.CreateUserAsync(Roles.Citizen);
        var cookies = new System.Net.CookieContainer();
        using var client = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var signedIn = await client.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(client, citizen.Email!, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var stolen = cookies.GetCookies(client.BaseAddress!)["gem.auth"]!.Value;

        using var thief = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", "gem.auth=" + stolen);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/mijn")).StatusCode);

        var loggedOut = await PostAsync(client, "/mijn", "/Account/Logout", []);
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);

        var after = await thief.GetAsync("/mijn");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/mijn/inloggen", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
        // Signing in again works as ever.
        using var again = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await again.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(again, citizen.Email!, WebTestExtensions.Password))).StatusCode);
    }

    [SqliteOnly("asks for the password again; the session-ending queries run on both in this class")]
    [Fact]
    public async Task DisableTwoStep_NeedsThePasswordOrACodeAgain()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var citizen = await factory.CreateUserAsync(Roles.Citizen);
        var client = await factory.SignedInClientAsync(citizen);
        await client.GetAsync("/mijn/beveiliging"); // makes the authenticator key
        string key;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GemUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(citizen.Id.ToString()))!))!;
        }
        var enabled = await PostAsync(client, "/mijn/beveiliging", "/mijn/beveiliging?handler=Enable", new() { ["Code"] = TwoFactorTests.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        async Task<bool> EnabledAsync()
        {
            await using var db = factory.Database.CreateContext();
            return (await db.Users.SingleAsync(u => u.Id == citizen.Id)).TwoFactorEnabled;
        }

        var bare = await PostAsync(client, "/mijn/beveiliging", "/mijn/beveiliging?handler=Disable", []);
        var wrong = await PostAsync(client, "/mijn/beveiliging", "/mijn/beveiliging?handler=Disable", new() { ["Confirm"] = "Fout-wachtwoord-123" });
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Contains("data-testid=\"reauth-error\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await EnabledAsync());

        var withPassword = await PostAsync(client, "/mijn/beveiliging", "/mijn/beveiliging?handler=Disable", new() { ["Confirm"] = WebTestExtensions.Password });
        Assert.Equal(HttpStatusCode.Redirect, withPassword.StatusCode);
        Assert.False(await EnabledAsync());
    }

    [SqliteOnly("asks for the password again; the session-ending queries run on both in this class")]
    [Fact]
    public async Task DeleteAccount_NeedsThePasswordAgain()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var citizen = await factory.CreateUserAsync(Roles.Citizen);
        var client = await factory.SignedInClientAsync(citizen);
        async Task<bool> ExistsAsync()
        {
            await using var db = factory.Database.CreateContext();
            return await db.Users.AnyAsync(u => u.Id == citizen.Id);
        }

        var bare = await PostAsync(client, "/mijn/verwijderen", "/mijn/verwijderen", new() { ["Sure"] = "true" });
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        Assert.Contains("data-testid=\"reauth-error\"", await bare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await ExistsAsync());

        var confirmed = await PostAsync(client, "/mijn/verwijderen", "/mijn/verwijderen", new() { ["Sure"] = "true", ["Confirm"] = WebTestExtensions.Password });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(await ExistsAsync());
    }
}
