using Gem.Core.Consent;
using System.Net;
using Gem.Core;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Plan;

/// <summary>
/// An invitation to a resource group is mailed to one address; only the account with that confirmed address may
/// accept it. Anyone else holding the link is told for which (masked) address it is, and nothing changes.
/// </summary>
[SqliteOnly("the address an invitation mail links to; no query of its own")]
public sealed class InvitationAddressTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<ResourceMember> InviteAsync(GemUser owner, string email)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResourceGroup>().InviteAsync(owner.Id, "Sam", email, "Anna", MemberRole.Naaste);
    }

    private async Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token) =>
        await client.PostAsync("/plan/uitnodiging/" + token, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            // Any form of the signed-in user gives a valid antiforgery token; the refusal page has no form.
            ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, "/mijn/kring"),
        }));

    private async Task<ResourceMember> RowAsync(Guid id)
    {
        await using var db = _factory.Database.CreateContext();
        return await db.ResourceMembers.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task Accept_ByInvitedAddressInOtherCaseAndSpaces_JoinsTheGroup()
    {
        var owner = await _factory.CreateUserAsync(Roles.Citizen);
        var invitee = await _factory.CreateUserAsync(Roles.Citizen);
        var invitation = await InviteAsync(owner, "  " + invitee.Email!.ToUpperInvariant() + " ");
        var client = await _factory.SignedInClientAsync(invitee);

        var page = await client.GetAsync("/plan/uitnodiging/" + invitation.Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"accept\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await AcceptAsync(client, invitation.Token!);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal($"/mijn?joined={owner.Id}#kring", accepted.Headers.Location!.OriginalString); // shared items first
        var row = await RowAsync(invitation.Id);
        Assert.Equal(invitee.Id, row.MemberUserId);
        Assert.NotNull(row.AcceptedAt);
        Assert.Null(row.Token);
    }

    [Fact]
    public async Task Accept_ByAnotherAccount_Refused403WithMaskedAddress_DatabaseUnchanged()
    {
        var owner = await _factory.CreateUserAsync(Roles.Citizen);
        var invitee = await _factory.CreateUserAsync(Roles.Citizen);
        var stranger = await _factory.CreateUserAsync(Roles.Citizen);
        var invitation = await InviteAsync(owner, invitee.Email!);
        var before = await RowAsync(invitation.Id);
        var masked = ResourceGroup.MaskAddress(invitee.Email!);
        Assert.StartsWith("c***@test.gem.example", masked, StringComparison.Ordinal);

        var client = await _factory.SignedInClientAsync(stranger);
        var page = await client.GetAsync("/plan/uitnodiging/" + invitation.Token);
        var pageHtml = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("data-testid=\"invitation-wrong-account\"", pageHtml, StringComparison.Ordinal);
        Assert.Contains("Deze uitnodiging is voor " + masked, pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"accept\"", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(invitee.Email!, pageHtml, StringComparison.OrdinalIgnoreCase);

        var refused = await AcceptAsync(client, invitation.Token!);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Deze uitnodiging is voor " + masked, refusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(invitee.Email!, refusedHtml, StringComparison.OrdinalIgnoreCase);

        var after = await RowAsync(invitation.Id);
        Assert.Null(after.MemberUserId);
        Assert.Null(after.AcceptedAt);
        Assert.Equal(before.Token, after.Token);
        Assert.Equal(before.Email, after.Email);
        await using (var db = _factory.Database.CreateContext())
            Assert.False(await db.ResourceMembers.AnyAsync(m => m.MemberUserId == stranger.Id));

        // The link still works for the person it was sent to.
        var right = await _factory.SignedInClientAsync(invitee);
        Assert.Equal(HttpStatusCode.Redirect, (await AcceptAsync(right, invitation.Token!)).StatusCode);
        Assert.Equal(invitee.Id, (await RowAsync(invitation.Id)).MemberUserId);
    }

    [Fact]
    public async Task AcceptAsync_UnconfirmedAccountWithTheInvitedAddress_Forbidden()
    {
        var owner = await _factory.CreateUserAsync(Roles.Citizen);
        var invitee = await _factory.CreateUserAsync(Roles.Citizen);
        var invitation = await InviteAsync(owner, invitee.Email!);
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GemUser>>();
        var user = (await users.FindByIdAsync(invitee.Id.ToString()))!;
        user.EmailConfirmed = false;
        await users.UpdateAsync(user);

        var group = scope.ServiceProvider.GetRequiredService<ResourceGroup>();
        await Assert.ThrowsAsync<ForbiddenException>(() => group.AcceptAsync(invitation.Token!, invitee.Id));
        Assert.Null((await RowAsync(invitation.Id)).MemberUserId);
    }

    [Theory]
    [InlineData("jan@example.org", "j***@example.org")]
    [InlineData(" J@Example.org ", "J***@Example.org")]
    [InlineData("geen-adres", "***")]
    public void MaskAddress_ShowsFirstLetterAndDomainOnly(string email, string expected) =>
        Assert.Equal(expected, ResourceGroup.MaskAddress(email));
}
