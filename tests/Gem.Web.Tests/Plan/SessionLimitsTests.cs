using System.Net;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Web.Tests.Plan;

/// <summary>Sessions survive a restart (persisted Data Protection keys), end after the absolute time-out, and a new sign-in gives a new session.</summary>
[SqliteOnly("sign-in cookie lifetimes; session ending on both in SessionEndTests")]
public sealed class SessionLimitsTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;
    private GemUser _citizen = null!;

    public async Task InitializeAsync()
    {
        _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        _citizen = await _factory.CreateUserAsync(Roles.Citizen);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<string> SignInCookieAsync(WebApplicationFactory<Program> host, string email)
    {
        var client = host.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(client, email, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gem.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    private static async Task<HttpStatusCode> GetWithCookieAsync(WebApplicationFactory<Program> host, string cookie, string path = "/mijn")
    {
        var client = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Restart_SameKeyRing_SessionStillValid_OtherKeyRing_SignedOut()
    {
        string cookie;
        await using (var before = _factory.WithWebHostBuilder(_ => { }))
            cookie = await SignInCookieAsync(before, _citizen.Email!);
        await using (var after = _factory.WithWebHostBuilder(_ => { }))
            Assert.Equal(HttpStatusCode.OK, await GetWithCookieAsync(after, cookie));

        // The key ring lives in the database (decision 602): without it, a new host makes a new ring and the cookie is worthless.
        await using (var db = _factory.Database.CreateContext())
            await db.DataProtectionKeys.ExecuteDeleteAsync();
        await using (var stranger = _factory.WithWebHostBuilder(_ => { }))
            Assert.Equal(HttpStatusCode.Redirect, await GetWithCookieAsync(stranger, cookie));
    }

    [Fact]
    public async Task ActiveSession_PastAbsoluteTimeout_SignedOut()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = host.CreateClient(new() { AllowAutoRedirect = false });
        var signIn = await client.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(client, _citizen.Email!, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Active every 10 minutes: the idle time-out never fires, the absolute one (12 h) does.
        for (var minutes = 0; minutes < 11 * 60 + 50; minutes += 10)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mijn")).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(10));
        }
        clock.Advance(TimeSpan.FromMinutes(20));
        var late = await client.GetAsync("/mijn");
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Contains("/mijn/inloggen", late.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_Twice_NewSessionCookieEachTime()
    {
        var first = await SignInCookieAsync(_factory, _citizen.Email!);
        var second = await SignInCookieAsync(_factory, _citizen.Email!);
        Assert.NotEqual(first, second);
    }
}
