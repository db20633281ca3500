using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Testing;

namespace Gem.Web.Tests.Site;

/// <summary>
/// Issue 13 item 5 and "one Dutch error and status page": every unknown address and empty error answer is the Dutch
/// status page with the navigation and the crisis bar for a person, ProblemDetails with a Dutch/English title for
/// /api and /fhir; the 429 of an abuse limit is the same page; the crisis bar calls in one tap; the statements exist.
/// </summary>
[SqliteOnly("renders the status and static pages; no query of its own")]
public sealed class StatusPageTests(StatusPageTests.Host host) : IClassFixture<StatusPageTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public GemWebFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Factory = new GemWebFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false), seedDemo: false);
            Factory.Settings["Gem:Region:OutOfHoursGp:Name"] = "Huisartsenpost Testregio";
            Factory.Settings["Gem:Region:OutOfHoursGp:Phone"] = "0341 123 456";
            Factory.Settings["Gem:Region:Contact:Email"] = "contact@test.gem.example";
            _ = Factory.Services;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private HttpClient Browser()
    {
        var client = host.Factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        return client;
    }

    private static void AssertStatusPage(string html, int status)
    {
        Assert.Contains($"data-status=\"{status}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"crisis-bar\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:08000113\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/atlas\"", html, StringComparison.Ordinal); // the site's navigation
        Assert.Contains("<html lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\":", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/bestaat-niet")]
    [InlineData("/atlas/offers/00000000-0000-0000-0000-000000000001")]
    [InlineData("/css/bestaat-niet.css")]
    [InlineData("/plan/uitnodiging")]
    public async Task UnknownAddress_Browser_GetsTheDutchStatusPage(string path)
    {
        var response = await Browser().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertStatusPage(html, 404);
        Assert.Contains("Deze pagina bestaat niet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_NoAcceptHeader_IsStillAPageForPeople()
    {
        var response = await host.Factory.CreateClient().GetAsync("/nergens");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertStatusPage(await response.Content.ReadAsStringAsync(), 404);
    }

    [Fact]
    public async Task UnknownAddress_English_GetsTheEnglishPage()
    {
        var response = await Browser().GetAsync("/nergens?culture=en-GB&ui-culture=en-GB");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This page does not exist", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/bestaat-niet")]
    [InlineData("/api/atlas/offers/00000000-0000-0000-0000-000000000001")]
    [InlineData("/fhir/bestaat-niet")]
    public async Task UnknownAddress_Api_IsProblemDetailsWithADutchAndEnglishTitle(string path)
    {
        var response = await Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Niet gevonden / Not found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task JsonClient_OnAPageAddress_GetsProblemDetails()
    {
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await client.GetAsync("/nergens");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WrongMethod_OnAPage_IsTheStatusPage()
    {
        var response = await Browser().PostAsync("/nergens", new FormUrlEncodedContent([new("a", "b")]));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertStatusPage(html, 404);
    }

    [Theory]
    [InlineData(403, "Geen toegang")]
    [InlineData(429, "Te vaak geprobeerd")]
    [InlineData(500, "Er ging iets mis bij ons")]
    [InlineData(503, "Even niet bereikbaar")]
    [InlineData(418, "Dit lukte niet")]
    public async Task StatusPage_EachCode_HasItsDutchTitleAndStatus(int code, string title)
    {
        var response = await Browser().GetAsync($"/fout/{code}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(code, (int)response.StatusCode);
        AssertStatusPage(html, code);
        Assert.Contains(title, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Denied_IsTheStatusPageWithASignInLink()
    {
        var response = await Browser().GetAsync("/Account/Denied");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertStatusPage(html, 403);
        Assert.Contains("href=\"/mijn/inloggen\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrisisBar_CallsInOneTap_AndStaysInView()
    {
        var html = await Browser().GetStringAsync("/atlas");
        Assert.Contains("href=\"tel:08000113\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:112\"", html, StringComparison.Ordinal);
        var css = await Browser().GetStringAsync("/css/site.css");
        Assert.Matches(@"\.crisis-bar \{[^}]*position: sticky; top: 0", css);
    }

    [Fact]
    public async Task CrisisPage_ShowsTheRegionsOutOfHoursGpNumber()
    {
        var html = await Browser().GetStringAsync("/crisis");
        Assert.Contains("Huisartsenpost Testregio", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:0341123456\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/privacyverklaring", "Privacyverklaring", "Autoriteit Persoonsgegevens")]
    [InlineData("/toegankelijkheidsverklaring", "Toegankelijkheidsverklaring", "WCAG 2.1")]
    [InlineData("/contact", "Contact", "contact@test.gem.example")]
    public async Task Statements_ExistAndAreLinkedFromTheFooter(string path, string title, string content)
    {
        var response = await Browser().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(content, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}\"", await Browser().GetStringAsync("/"), StringComparison.Ordinal);
    }
}
