using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Plan;

/// <summary>Optional TOTP two-factor sign-in for citizens, and the citizen sign-in page's single failure message.</summary>
[SqliteOnly("two-step sign-in through Identity pages; Identity storage runs on both in SessionEndTests")]
public sealed class TwoFactorTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a Base32 key, as an authenticator app computes it.</summary>
    internal static string Totp(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var key = new List<byte>();
        foreach (var c in base32Key.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                key.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key.ToArray(), counter);
        var offset = hash[^1] & 0x0f;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task EnableTotp_ThenSignIn_NeedsPasswordAndCode()
    {
        var citizen = await _factory.CreateUserAsync(Roles.Citizen);
        var client = await _factory.SignedInClientAsync(citizen);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mijn/beveiliging")).StatusCode);
        string key;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GemUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(citizen.Id.ToString()))!))!;
        }
        var wrong = await PostAsync(client, "/mijn/beveiliging", "/mijn/beveiliging?handler=Enable", new() { ["Code"] = "000000" == Totp(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var enabled = await PostAsync(client, "/mijn/beveiliging", "/mijn/beveiliging?handler=Enable", new() { ["Code"] = Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("twofactor-on", await client.GetStringAsync("/mijn/beveiliging"), StringComparison.Ordinal);

        // Password alone no longer signs in.
        var fresh = _factory.CreateClient(new() { AllowAutoRedirect = false });
        // Coming from a page that needed sign-in: the return address survives both steps.
        var bounced = await fresh.GetAsync("/plan/gedeeld");
        Assert.Equal("/mijn/inloggen?ReturnUrl=%2Fplan%2Fgedeeld", bounced.Headers.Location?.ToString());
        var step1 = await PostAsync(fresh, "/mijn/inloggen", "/mijn/inloggen", new()
        {
            ["Email"] = citizen.Email!, ["Password"] = WebTestExtensions.Password, ["ReturnUrl"] = "/plan/gedeeld",
        });
        Assert.Equal(HttpStatusCode.Redirect, step1.StatusCode);
        Assert.Equal("/mijn/inloggen-code?ReturnUrl=%2Fplan%2Fgedeeld", step1.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/mijn")).StatusCode);

        var step2 = await PostAsync(fresh, "/mijn/inloggen-code", "/mijn/inloggen-code", new()
        {
            ["Code"] = Totp(key, DateTimeOffset.UtcNow.AddSeconds(30)), ["ReturnUrl"] = "/plan/gedeeld",
        });
        Assert.Equal(HttpStatusCode.Redirect, step2.StatusCode);
        Assert.Equal("/plan/gedeeld", step2.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/mijn")).StatusCode);
    }

    [Fact]
    public async Task SignIn_UnknownAddressOrWrongPassword_SameAnswer_LockoutAfterFive()
    {
        var citizen = await _factory.CreateUserAsync(Roles.Citizen);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        async Task<string> Try(string email, string password)
        {
            var response = await PostAsync(client, "/mijn/inloggen", "/mijn/inloggen", new() { ["Email"] = email, ["Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var start = html.IndexOf("data-testid=\"signin-error\"", StringComparison.Ordinal);
            return html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)];
        }
        var unknown = await Try("niemand-" + Guid.NewGuid().ToString("N") + "@test.gem.example", "Fout-wachtwoord-123");
        var wrong = await Try(citizen.Email!, "Fout-wachtwoord-123");
        Assert.Equal(unknown, wrong);
        for (var i = 0; i < 4; i++) await Try(citizen.Email!, "Fout-wachtwoord-123");
        // This client waits now: even the right password does not sign in here (429 with Retry-After).
        var response = await PostAsync(client, "/mijn/inloggen", "/mijn/inloggen", new() { ["Email"] = citizen.Email!, ["Password"] = WebTestExtensions.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
