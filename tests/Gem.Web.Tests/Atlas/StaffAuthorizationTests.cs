using System.Net;
using System.Net.Http.Json;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Atlas;

/// <summary>Partner staff of organisation A manage A's offers and sessions, and never B's: tested per endpoint.</summary>
[SqliteOnly("who may reach staff pages; offer editing queries run on both in AtlasDataTests")]
public sealed class StaffAuthorizationTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;
    private Guid _partnerA, _partnerB, _offerA, _offerB, _sessionB;
    private HttpClient _staffA = null!;

    public async Task InitializeAsync()
    {
        _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = _factory.Database.CreateContext();
        var partners = await db.Partners.Where(p => p.IsFictional).OrderBy(p => p.Name).Take(2).ToListAsync();
        (_partnerA, _partnerB) = (partners[0].Id, partners[1].Id);
        _offerA = (await db.Offers.FirstAsync(o => o.PartnerId == _partnerA)).Id;
        var offerB = await db.Offers.Include(o => o.Sessions).FirstAsync(o => o.PartnerId == _partnerB && o.Sessions.Count > 0);
        (_offerB, _sessionB) = (offerB.Id, offerB.Sessions[0].Id);
        _staffA = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.PartnerStaff, _partnerA));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    internal static OfferInput ValidInput(string name = "Wandelgroep Test") => new()
    {
        Name = name, Description = "Samen wandelen.", Format = OfferFormat.Group, LifeDomains = LifeDomains.LonelinessAndContact,
        Dimensions = Dimensions.Social | Dimensions.Physical, Facilitators = FacilitatorRoles.Volunteer, Capacity = 12,
        FlowPolicy = FlowPolicy.Open, Funding = Funding.Free, Access = Access.NoReferral, Address = "Voorbeeldstraat 1", Pc4 = "3841",
    };

    private static SessionInput Session() => new(DateTimeOffset.UtcNow.AddDays(3), DateTimeOffset.UtcNow.AddDays(3).AddHours(2), null, null, null);

    [Fact]
    public async Task Api_StaffOfA_ManagesOwnOffersAndSessions()
    {
        var created = await _staffA.PostAsJsonAsync($"/api/atlas/partners/{_partnerA}/offers", ValidInput(), AtlasApiTests.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _staffA.PutAsJsonAsync($"/api/atlas/offers/{_offerA}", ValidInput("Nieuwe naam"), AtlasApiTests.Json)).StatusCode);
        var session = await _staffA.PostAsJsonAsync($"/api/atlas/offers/{_offerA}/sessions", Session(), AtlasApiTests.Json);
        Assert.Equal(HttpStatusCode.Created, session.StatusCode);

        await using var db = _factory.Database.CreateContext();
        Assert.Equal("Nieuwe naam", (await db.Offers.FindAsync(_offerA))!.Name);
        Assert.True(await db.Offers.AnyAsync(o => o.PartnerId == _partnerA && o.Name == "Wandelgroep Test"));
    }

    [Fact]
    public async Task Api_StaffOfA_CannotTouchOrganisationB()
    {
        await using var before = _factory.Database.CreateContext();
        var offerBefore = await before.Offers.AsNoTracking().FirstAsync(o => o.Id == _offerB);
        var countBefore = await before.Offers.CountAsync(o => o.PartnerId == _partnerB);

        Assert.Equal(HttpStatusCode.Forbidden, (await _staffA.PostAsJsonAsync($"/api/atlas/partners/{_partnerB}/offers", ValidInput(), AtlasApiTests.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _staffA.PutAsJsonAsync($"/api/atlas/offers/{_offerB}", ValidInput("Gekaapt"), AtlasApiTests.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _staffA.DeleteAsync($"/api/atlas/offers/{_offerB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _staffA.PostAsJsonAsync($"/api/atlas/offers/{_offerB}/sessions", Session(), AtlasApiTests.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _staffA.DeleteAsync($"/api/atlas/sessions/{_sessionB}")).StatusCode);

        await using var after = _factory.Database.CreateContext();
        var offerAfter = await after.Offers.AsNoTracking().FirstAsync(o => o.Id == _offerB);
        Assert.Equal(offerBefore.Name, offerAfter.Name);
        Assert.Equal(offerBefore.UpdatedAt, offerAfter.UpdatedAt);
        Assert.Equal(countBefore, await after.Offers.CountAsync(o => o.PartnerId == _partnerB));
        Assert.True(await after.Sessions.AnyAsync(s => s.Id == _sessionB));
    }

    [Fact]
    public async Task Pages_StaffOfA_CannotOpenOrPostOrganisationBsForms()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _staffA.GetAsync($"/partner/offers/{_offerB}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _staffA.GetAsync($"/partner/offers/{_offerB}/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _staffA.GetAsync($"/partner/offers/new?partnerId={_partnerB}")).StatusCode);

        var token = await WebTestExtensions.AntiforgeryTokenAsync(_staffA, $"/partner/offers/{_offerA}/edit");
        var post = await _staffA.PostAsync($"/partner/offers/{_offerB}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.Name"] = "Gekaapt", ["Form.LifeDomains"] = "Housing",
            ["Form.Address"] = "X 1", ["Form.Pc4"] = "3841",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var delete = await _staffA.PostAsync($"/partner/offers/{_offerB}/sessions?handler=Delete&sessionId={_sessionB}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);

        await using var db = _factory.Database.CreateContext();
        Assert.NotEqual("Gekaapt", (await db.Offers.FindAsync(_offerB))!.Name);
        Assert.True(await db.Sessions.AnyAsync(s => s.Id == _sessionB));
    }

    [Fact]
    public async Task Pages_StaffOfA_EditsOwnOfferThroughTheForm()
    {
        var token = await WebTestExtensions.AntiforgeryTokenAsync(_staffA, $"/partner/offers/{_offerA}/edit");
        var post = await _staffA.PostAsync($"/partner/offers/{_offerA}/edit", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Form.Name", "Koffie-inloop Noord"), new("Form.Format", "WalkIn"),
            new("Form.LifeDomains", "LonelinessAndContact"), new("Form.LifeDomains", "Meaning"), new("Form.FlowPolicy", "Open"),
            new("Form.Funding", "Free"), new("Form.Access", "NoReferral"), new("Form.Address", "Voorbeeldstraat 3"),
            new("Form.Pc4", "3851"), new("Form.Languages", "nl,en"), new("Form.IsOnline", "false"),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        await using var db = _factory.Database.CreateContext();
        var offer = await db.Offers.FindAsync(_offerA);
        Assert.Equal("Koffie-inloop Noord", offer!.Name);
        Assert.Equal(LifeDomains.LonelinessAndContact | LifeDomains.Meaning, offer.LifeDomains);
        Assert.Equal("3851", offer.Pc4);
    }

    [Fact]
    public async Task Pages_InvalidForm_ShowsReadableErrorsAndChangesNothing()
    {
        await using var before = _factory.Database.CreateContext();
        var name = (await before.Offers.AsNoTracking().FirstAsync(o => o.Id == _offerA)).Name;
        var token = await WebTestExtensions.AntiforgeryTokenAsync(_staffA, $"/partner/offers/{_offerA}/edit");

        var post = await _staffA.PostAsync($"/partner/offers/{_offerA}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Form.Name"] = "", ["Form.Pc4"] = "12",
        }));

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = await post.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"form-errors\"", html, StringComparison.Ordinal);
        Assert.Contains("Postcode (4 cijfers)", html, StringComparison.Ordinal);
        await using var after = _factory.Database.CreateContext();
        Assert.Equal(name, (await after.Offers.AsNoTracking().FirstAsync(o => o.Id == _offerA)).Name);
    }

    [Fact]
    public async Task Api_Anonymous_Gets401AndCoordinatorGets403()
    {
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/atlas/offers/{_offerA}", ValidInput(), AtlasApiTests.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/partner")).StatusCode);

        var coordinator = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Coordinator));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PutAsJsonAsync($"/api/atlas/offers/{_offerA}", ValidInput(), AtlasApiTests.Json)).StatusCode);
    }

    [Fact]
    public async Task Api_InvalidOffer_Answers400ValidationProblemAndStoresNothing()
    {
        await using var before = _factory.Database.CreateContext();
        var count = await before.Offers.CountAsync();

        var response = await _staffA.PostAsJsonAsync($"/api/atlas/partners/{_partnerA}/offers", ValidInput() with { Name = "", Pc4 = "99" }, AtlasApiTests.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"Name\"", body, StringComparison.Ordinal);
        Assert.Contains("\"Pc4\"", body, StringComparison.Ordinal);
        await using var after = _factory.Database.CreateContext();
        Assert.Equal(count, await after.Offers.CountAsync());
    }

    [Theory]
    [InlineData(Roles.PartnerStaff, "/partner")]
    [InlineData(Roles.Coordinator, "/dashboard")]
    [InlineData(Roles.Citizen, "/mijn")]
    public async Task SignIn_EachRole_StartsAtItsOwnHome(string role, string home)
    {
        var user = await _factory.CreateUserAsync(role, role == Roles.PartnerStaff ? _partnerA : null);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(client, user.Email!, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(home, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountWithoutRevealingIt()
    {
        var user = await _factory.CreateUserAsync(Roles.PartnerStaff, _partnerA);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(client, user.Email!, "wrong-password-123"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        // The same client now waits (429), whatever the password; the account itself is not locked (decision 621).
        var right = await client.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(client, user.Email!, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Te vaak geprobeerd", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknown = await client.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(client, "nobody@test.gem.example", "whatever-123456"));
        Assert.Contains("Het e-mailadres of wachtwoord klopt niet.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
