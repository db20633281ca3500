using System.Net;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Plan;

/// <summary>
/// Issue 13 items 7, 9 and 14: the invited naaste reads what the invitation means and keeps the way back through
/// registration and sign-in, sees what is shared first, can leave; the mail names the role in Dutch; the check-in
/// stores nothing unless answered; opening the security page signs nobody out elsewhere.
/// </summary>
[SqliteOnly("page journey of a naaste; sharing and access queries run on both in PlanFlowTests and PlanAuthorizationMatrixTests")]
public sealed class NaasteJourneyTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false);
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<ResourceMember> InviteAsync(GemUser owner, string email, MemberRole role = MemberRole.Ervaringsdeskundige)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResourceGroup>().InviteAsync(owner.Id, "Sam", email, "Anna", role);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task InvitationMail_NamesTheRoleInDutch_NoResourceGroup()
    {
        var owner = await _factory.CreateUserAsync(Roles.Citizen);
        await InviteAsync(owner, "anna@test.gem.example");
        await _factory.DeliverMailAsync();
        var mail = string.Join("\n", Directory.GetFiles(_factory.MailFolder, "*.eml").Select(File.ReadAllText));
        Assert.Contains("als ervaringsdeskundige", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("resource group", mail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Invitation_Anonymous_ExplainsAndKeepsTheWayBack()
    {
        var owner = await _factory.CreateUserAsync(Roles.Citizen);
        var invitation = await InviteAsync(owner, "anna@test.gem.example", MemberRole.Naaste);
        var path = "/plan/uitnodiging/" + invitation.Token;
        var anonymous = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var page = await anonymous.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"invitation-explained\"", html, StringComparison.Ordinal);
        Assert.Contains("a***@test.gem.example", html, StringComparison.Ordinal);
        var back = Uri.EscapeDataString(path);
        Assert.Contains($"href=\"/mijn/registreren?ReturnUrl={back}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/mijn/inloggen?ReturnUrl={back}\"", html, StringComparison.Ordinal);

        // Registration keeps the way back: into the confirmation mail, from there to sign-in, then to the invitation.
        var register = await anonymous.GetStringAsync($"/mijn/registreren?ReturnUrl={back}");
        Assert.Contains($"href=\"/mijn/inloggen?ReturnUrl={back}\"", register, StringComparison.Ordinal);
        var sent = await PostAsync(anonymous, $"/mijn/registreren?ReturnUrl={back}", $"/mijn/registreren?ReturnUrl={back}",
            new() { ["Name"] = "Anna", ["Email"] = "anna@test.gem.example", ["Password"] = "Een-Goed-Wachtwoord-2026" });
        Assert.Contains("data-testid=\"register-sent\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await _factory.DeliverMailAsync();
        var confirmation = Directory.GetFiles(_factory.MailFolder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Select(m => (m.TextBody ?? "") + (m.HtmlBody ?? "")).First(m => m.Contains("/mijn/bevestigen", StringComparison.Ordinal));
        var link = System.Text.RegularExpressions.Regex.Match(confirmation, @"/mijn/bevestigen\?[^\s""<]+").Value.Replace("&amp;", "&", StringComparison.Ordinal);
        Assert.Contains("ReturnUrl=" + back, link, StringComparison.Ordinal);
        var confirmed = await anonymous.GetStringAsync(link);
        Assert.Contains($"href=\"/mijn/inloggen?ReturnUrl={back}\"", confirmed, StringComparison.Ordinal);

        // Accepting without signing in changes nothing.
        var post = await anonymous.PostAsync(path, new FormUrlEncodedContent([]));
        Assert.False(post.Headers.Location?.OriginalString.StartsWith("/mijn?joined", StringComparison.Ordinal) ?? false);
        await using var db = _factory.Database.CreateContext();
        Assert.Null((await db.ResourceMembers.SingleAsync(m => m.Id == invitation.Id)).MemberUserId);
    }

    [Fact]
    public async Task AfterAccepting_SharedItemsFirst_ThenLeaving_EndsMembershipAndConsent()
    {
        var owner = await _factory.CreateUserAsync(Roles.Citizen);
        var naaste = await _factory.CreateUserAsync(Roles.Citizen);
        var invitation = await InviteAsync(owner, naaste.Email!, MemberRole.Naaste);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ResourceGroup>().AcceptAsync(invitation.Token!, naaste.Id);
            await scope.ServiceProvider.GetRequiredService<ConsentService>().GiveAsync(owner.Id, RecipientKind.Member, invitation.Id, DataCategory.CrisisPlan);
        }
        var client = await _factory.SignedInClientAsync(naaste);

        var html = await client.GetStringAsync($"/mijn?joined={owner.Id}");
        Assert.Contains("data-testid=\"joined\"", html, StringComparison.Ordinal);
        var kring = html.IndexOf("data-testid=\"kring-memberships\"", StringComparison.Ordinal);
        Assert.True(kring > 0 && kring < html.IndexOf("data-testid=\"checkin-form\"", StringComparison.Ordinal) && kring < html.IndexOf("name=\"WhereIStarted\"", StringComparison.Ordinal));
        Assert.Contains($"href=\"/plan/{owner.Id}/crisisplan\"", html, StringComparison.Ordinal);

        var left = await PostAsync(client, "/mijn", "/mijn?handler=Leave", new() { ["ownerId"] = owner.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        await using var db = _factory.Database.CreateContext();
        Assert.False(await db.ResourceMembers.AnyAsync(m => m.Id == invitation.Id));
        Assert.False(await db.Set<ConsentGrant>().AnyAsync(g => g.RecipientId == invitation.Id && g.WithdrawnAt == null));
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/plan/{owner.Id}/crisisplan")).StatusCode);
    }

    [Fact]
    public async Task CheckIn_StartsEmpty_UnchangedOrPartialStoresNothing_FullAnswerStores()
    {
        var me = await _factory.CreateUserAsync(Roles.Citizen);
        var client = await _factory.SignedInClientAsync(me);
        var html = await client.GetStringAsync("/mijn");
        Assert.DoesNotContain("value=\"5\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("name=\"CheckIn\\.[A-Za-z]+\"[^>]*value=", html);

        var items = new[] { "Connectedness", "Hope", "Identity", "Meaning", "Empowerment", "QualityOfLife", "Participation", "PeopleICanCountOn" };
        var unchanged = await PostAsync(client, "/mijn", "/mijn?handler=CheckIn", items.ToDictionary(i => "CheckIn." + i, _ => ""));
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        Assert.Contains("Er is niets bewaard", await unchanged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var partial = items.ToDictionary(i => "CheckIn." + i, _ => "7");
        partial["CheckIn.Hope"] = "";
        await PostAsync(client, "/mijn", "/mijn?handler=CheckIn", partial);
        await using (var db = _factory.Database.CreateContext())
            Assert.Equal(0, await db.Set<CheckIn>().CountAsync(c => c.OwnerId == me.Id));

        var full = await PostAsync(client, "/mijn", "/mijn?handler=CheckIn", items.ToDictionary(i => "CheckIn." + i, _ => "7"));
        Assert.Equal(HttpStatusCode.Redirect, full.StatusCode);
        await using (var db = _factory.Database.CreateContext())
            Assert.Equal(1, await db.Set<CheckIn>().CountAsync(c => c.OwnerId == me.Id));
    }

    [Fact]
    public async Task SecurityPage_Opening_KeepsOtherSessions_ButtonEndsThem()
    {
        var me = await _factory.CreateUserAsync(Roles.Citizen);
        var phone = await _factory.SignedInClientAsync(me);
        var laptop = await _factory.SignedInClientAsync(me);
        string Stamp()
        {
            using var scope = _factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<UserManager<GemUser>>().FindByIdAsync(me.Id.ToString()).GetAwaiter().GetResult()!.SecurityStamp!;
        }
        var before = Stamp();

        Assert.Contains("data-testid=\"authenticator-key\"", await laptop.GetStringAsync("/mijn/beveiliging"), StringComparison.Ordinal);
        Assert.Equal(before, Stamp());
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/mijn")).StatusCode);

        var ended = await PostAsync(laptop, "/mijn/beveiliging", "/mijn/beveiliging?handler=SignOutElsewhere", []);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.NotEqual(before, Stamp());
    }

    [Theory]
    [InlineData("https://gem.example/groups/enrolment/abc123", "abc123")]
    [InlineData("  abc123 ", "abc123")]
    [InlineData("http://localhost:5080/groups/enrolment/abc123/?x=1", "abc123")]
    public void Claim_AcceptsTheWholeLinkOrTheCode(string pasted, string code) =>
        Assert.Equal(code, Gem.Web.Pages.Plan.ClaimModel.CodeOf(pasted));
}
