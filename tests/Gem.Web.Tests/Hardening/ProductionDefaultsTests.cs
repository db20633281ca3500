using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Gem.Web.Tests.Hardening;

/// <summary>Issue 12 findings 7 and 8: production defaults, security headers and a CSP every page passes, forwarded headers, /culture, uploads.</summary>
[SqliteOnly("headers, CSP, cookies and upload limits; no query of its own")]
public sealed partial class ProductionDefaultsTests
{
    private static string WebProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Gem.sln"))) return Path.Combine(dir.FullName, "src", "Gem.Web");
        throw new InvalidOperationException("Repository root not found.");
    }

    [Fact]
    public void DemoAccounts_AreSeededOnlyWhenAsked_AndTheDevelopmentProfileAsks()
    {
        bool Seed(string environment) => new ConfigurationBuilder().SetBasePath(WebProject())
            .AddJsonFile("appsettings.json").AddJsonFile($"appsettings.{environment}.json", optional: true).Build()
            .GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()!.SeedDemo;

        Assert.False(new DatabaseOptions().SeedDemo);
        Assert.False(Seed("Production"));
        Assert.True(Seed("Development"));
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(WebProject(), "Properties", "launchSettings.json")));
        var profile = launch.RootElement.GetProperty("profiles").EnumerateObject().First().Value;
        Assert.Equal("Development", profile.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders_AndHstsOverHttps()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://gem.test"), AllowAutoRedirect = false });
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "form-action 'self'" })
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        // Error answers carry them too.
        Assert.True((await client.GetAsync("/does-not-exist")).Headers.Contains("Content-Security-Policy"));
    }

    /// <summary>Under style-src 'self' and script-src 'self' no inline style attribute, style element or inline script may appear.</summary>
    [Fact]
    public async Task EveryPage_PassesTheStrictCsp()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var plan = await Plan.PlanWorld.CreateAsync(factory);
        var staff = plan.Clients[Plan.PlanWorld.StaffWith];
        var coordinator = plan.Clients[Plan.PlanWorld.Coordinator];
        var citizen = plan.Clients[Plan.PlanWorld.Self];
        var anonymous = plan.Clients[Plan.PlanWorld.Anonymous];
        Guid offer, session;
        await using (var db = factory.Database.CreateContext())
        {
            session = await db.Enrolments.Where(e => e.UserId == plan.Person.Id).Select(e => e.SessionId).SingleAsync();
            offer = await db.Sessions.Where(s => s.Id == session).Select(s => s.OfferId).SingleAsync();
        }
        var pages = new List<(HttpClient Client, string Path)>
        {
            (anonymous, "/"), (anonymous, "/atlas"), (anonymous, $"/atlas/offers/{offer}"), (anonymous, "/monitor"), (anonymous, "/crisis"),
            (anonymous, "/voorportaal"), (anonymous, "/voorportaal/hulp?domains=Loneliness"), (anonymous, "/Account/Login"), (anonymous, "/Account/ForgotPassword"),
            (anonymous, "/mijn/inloggen"), (anonymous, "/mijn/registreren"), (anonymous, $"/groups/enrol/{session}"), (coordinator, "/plan/verhalen"),
            (citizen, "/mijn"), (citizen, "/mijn/crisisplan"), (citizen, "/mijn/kring"), (citizen, "/mijn/toegang"), (citizen, "/mijn/beveiliging"),
            (citizen, "/mijn/verwijderen"), (citizen, $"/plan/{plan.Person.Id}/crisisplan"), (citizen, $"/plan/{plan.Person.Id}/checkins"),
            (staff, "/partner"), (staff, "/partner/groups"), (staff, $"/partner/groups/sessions/{session}"), (staff, "/partner/import"), (staff, "/partner/offers/new"),
            (coordinator, "/dashboard"), (coordinator, "/voorportaal/garantie"),
        };
        var failures = new List<string>();
        foreach (var (client, path) in pages)
        {
            var response = await client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) { failures.Add($"{path}: {(int)response.StatusCode}"); continue; }
            foreach (Match m in InlineStyleOrScript().Matches(html)) failures.Add($"{path}: {m.Value}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [GeneratedRegex(@"<style\b|\sstyle\s*=|<script\b(?![^>]*\bsrc=)|\son[a-z]+\s*=\s*""|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrScript();

    [Theory]
    [InlineData("/\\evil")]
    [InlineData("/\\\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/%5Cevil")]
    [InlineData("/\tevil")]
    [InlineData("\\\\evil")]
    [InlineData("")]
    public async Task CultureSwitch_NeverFailsAndNeverLeavesTheSite(string returnUrl)
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/culture?c=en&returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
        // A good local address is kept.
        var kept = await client.GetAsync("/culture?c=en&returnUrl=" + Uri.EscapeDataString("/atlas?q=wandelen"));
        Assert.Equal("/atlas?q=wandelen", kept.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task BehindAnHttpsProxy_CookiesAreSecure_OnlyWhenTheProxyIsTrusted()
    {
        async Task<string> SignInCookieAsync(Dictionary<string, string> settings)
        {
            await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false, start: false);
            foreach (var (k, v) in settings) factory.Settings[k] = v;
            var port = FreePort();
            factory.UseKestrel(port);
            factory.StartServer();
            var user = await factory.CreateUserAsync(Roles.Coordinator);
            // Cookies by hand: a Secure cookie would not be sent back over the plain loopback connection.
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            var get = await client.GetAsync("/Account/Login");
            var token = TokenPattern().Match(await get.Content.ReadAsStringAsync()).Groups[1].Value;
            using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = user.Email!, ["Password"] = WebTestExtensions.Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                }),
            };
            post.Headers.Add("Cookie", string.Join("; ", get.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
            var response = await client.SendAsync(post);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gem.auth=", StringComparison.Ordinal));
        }

        // A proxy on this machine (the default) is believed: the request is HTTPS, so the cookie is Secure.
        Assert.Contains("secure", await SignInCookieAsync([]), StringComparison.OrdinalIgnoreCase);
        // A proxy elsewhere is configured: the same headers from 127.0.0.1 are not believed.
        Assert.DoesNotContain("secure", await SignInCookieAsync(new() { ["Gem:Proxy:KnownProxies:0"] = "192.0.2.10" }), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ImportUpload_OverTheLimit_ShowsAReadableMessageOnThePage()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        Guid partner;
        int offers;
        await using (var db = factory.Database.CreateContext())
        {
            partner = await db.Partners.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
            offers = await db.Offers.CountAsync();
        }
        var staff = await factory.CreateUserAsync(Roles.PartnerStaff, partner);
        using var client = await factory.SignedInClientAsync(staff);
        var token = await WebTestExtensions.AntiforgeryTokenAsync(client, "/partner/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(partner.ToString()), "PartnerId" },
        };
        var file = new ByteArrayContent(new byte[Gem.Core.Atlas.Import.OfferImporter.MaxBytes + 200 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "groot.csv");

        var response = await client.PostAsync("/partner/import", form);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-testid=\"import-too-large\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = factory.Database.CreateContext();
        Assert.Equal(offers, await check.Offers.CountAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
