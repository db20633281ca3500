using System.Net;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Learning;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Learning;

/// <summary>
/// Who may do what in the learning ecosystem, through the real pages on SQLite and PostgreSQL: partners sign only for
/// their own organisation; only members edit their workshop; a workshop starts only with an experience expert and a
/// citizen; only coordinators record decisions. A refused request changes nothing.
/// </summary>
public sealed class LearningAuthorizationTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string? handler, Dictionary<string, string> form)
    {
        // The token belongs to the account, not the page: a page without a form for this account (a non-member) takes one from the sign-in page.
        string token;
        try
        {
            token = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        }
        catch (InvalidOperationException)
        {
            token = await WebTestExtensions.AntiforgeryTokenAsync(client, "/Account/Login");
        }
        form["__RequestVerificationToken"] = token;
        return await client.PostAsync(handler is null ? page : page + "?handler=" + handler, new FormUrlEncodedContent(form));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Charter_StaffSignForTheirOwnOrganisationOnly(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        Guid a, b;
        await using (var db = factory.Database.CreateContext())
        {
            var ids = await db.Partners.Where(p => p.IsFictional).OrderBy(p => p.Name).Select(p => p.Id).Take(2).ToListAsync();
            (a, b) = (ids[0], ids[1]);
            Assert.True(await db.Set<ValuesCharter>().AnyAsync(), "the demo region has a charter");
        }
        var staffA = await factory.CreateUserAsync(Roles.PartnerStaff, a);
        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        var client = await factory.SignedInClientAsync(staffA);
        var form = new Dictionary<string, string> { ["signerRole"] = "directeur", ["commitments"] = "We werken in groepen.", ["stopsDoing"] = "We stoppen met wachtlijsten." };

        // The coordinator has no organisation: the form is refused.
        var coord = await factory.SignedInClientAsync(coordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(coord, "/leren/waarden", "Sign", new(form))).StatusCode);

        var before = await SignaturesAsync(factory, a);
        var response = await PostAsync(client, "/leren/waarden", "Sign", new(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = factory.Database.CreateContext())
        {
            var latest = await db.Set<CharterSignature>().Include(s => s.Charter).Where(s => s.PartnerId == a).OrderByDescending(s => s.Charter!.Version).ThenByDescending(s => s.SignedOn).FirstAsync();
            Assert.Equal(before + 1, await db.Set<CharterSignature>().CountAsync(s => s.PartnerId == a));
            Assert.Equal("We stoppen met wachtlijsten.", latest.StopsDoing);
            Assert.Equal(staffA.Id, latest.SignedByUserId);
            var partner = await db.Partners.FirstAsync(p => p.Id == a);
            Assert.Equal(latest.Charter!.Version, partner.CharterVersion);
            Assert.Equal(latest.SignedOn, partner.ValuesSignedOn);
        }
        // Signing the same version twice is a conflict, shown on the page; nothing is added.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, "/leren/waarden", "Sign", new(form))).StatusCode);
        Assert.Equal(before + 1, await SignaturesAsync(factory, a));

        // Staff of A cannot sign for B, whatever they send.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var charters = scope.ServiceProvider.GetRequiredService<ValuesCharters>();
            var actor = new LearningActor(staffA.Id, a, false, "A");
            await Assert.ThrowsAsync<ForbiddenException>(() => charters.SignAsync(b, "directeur", "x", "y", actor));
            await Assert.ThrowsAsync<ForbiddenException>(() => charters.PublishAsync(Guid.Empty, "tekst", actor));
        }
        Assert.Equal(0, await SignaturesAsync(factory, b, after: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2))));
    }

    private static async Task<int> SignaturesAsync(GemWebFactory factory, Guid partner, DateOnly? after = null)
    {
        await using var db = factory.Database.CreateContext();
        return await db.Set<CharterSignature>().CountAsync(s => s.PartnerId == partner && (after == null || s.SignedOn > after));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Workshop_OnlyMembersEdit_StartNeedsExpertAndCitizen_OnlyCoordinatorsDecide(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        Guid partner;
        await using (var db = factory.Database.CreateContext())
            partner = await db.Partners.Where(p => p.IsFictional).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        var coordinatorUser = await factory.CreateUserAsync(Roles.Coordinator);
        var ownerUser = await factory.CreateUserAsync(Roles.PartnerStaff, partner);
        var outsiderUser = await factory.CreateUserAsync(Roles.PartnerStaff, partner);
        var expertUser = await factory.CreateUserAsync(Roles.Citizen);
        var citizenUser = await factory.CreateUserAsync(Roles.Citizen);
        var coordinator = await factory.SignedInClientAsync(coordinatorUser);
        var owner = await factory.SignedInClientAsync(ownerUser);
        var outsider = await factory.SignedInClientAsync(outsiderUser);

        // Only a coordinator creates a workshop.
        var create = new Dictionary<string, string> { ["challenge"] = "Groups", ["title"] = "Testatelier groepen", ["aim"] = "Meer groepen." };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(owner, "/leren/ateliers", null, new(create))).StatusCode);
        var created = await PostAsync(coordinator, "/leren/ateliers", null, new(create));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(page.Split('/')[^1]);

        // A non-member may not add members; the coordinator gathers the first member.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(outsider, page, "Member", new() { ["email"] = outsiderUser.Email!, ["role"] = "Professional" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, page, "Member", new() { ["email"] = ownerUser.Email!, ["role"] = "LocalOwner" })).StatusCode);

        // No experience expert and no citizen yet: the workshop cannot start.
        var refused = await PostAsync(owner, page, "Start", []);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("data-testid=\"error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WorkshopState.Forming, await StateAsync(factory, id));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, page, "Member", new() { ["email"] = expertUser.Email!, ["role"] = "ExperienceExpert" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(owner, page, "Start", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, page, "Member", new() { ["email"] = citizenUser.Email!, ["role"] = "Citizen" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, page, "Start", [])).StatusCode);
        Assert.Equal(WorkshopState.Running, await StateAsync(factory, id));

        // Meetings: members only (not another staff member, not the coordinator who is no member).
        var meeting = new Dictionary<string, string> { ["date"] = "2030-03-04", ["time"] = "17:00", ["minutes"] = "120", ["place"] = "Wijkcentrum" };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(outsider, page, "Meeting", new(meeting))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(coordinator, page, "Meeting", new(meeting))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, page, "Meeting", new(meeting))).StatusCode);
        await using (var db = factory.Database.CreateContext())
            Assert.Equal(1, await db.Set<WorkshopMeeting>().CountAsync(m => m.WorkshopId == id));
        var ics = await owner.GetStringAsync(page + "/agenda.ics");
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains("Wijkcentrum", ics, StringComparison.Ordinal);

        // Proposals by members; the decision by a coordinator only.
        var propose = new Dictionary<string, string> { ["title"] = "Groepen als standaard", ["text"] = "Elke partner start groepen.", ["phaseOut"] = "Wachtlijsten\nIntakes vooraf" };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(outsider, page, "Propose", new(propose))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, page, "Propose", new(propose))).StatusCode);
        Guid proposal;
        await using (var db = factory.Database.CreateContext())
            proposal = await db.Set<Proposal>().Where(p => p.WorkshopId == id).Select(p => p.Id).SingleAsync();
        var decide = new Dictionary<string, string> { ["proposalId"] = proposal.ToString(), ["decision"] = "Adopted", ["decisionText"] = "Aangenomen." };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(owner, page, "Decide", new(decide))).StatusCode);
        await using (var db = factory.Database.CreateContext())
            Assert.Null((await db.Set<Proposal>().SingleAsync(p => p.Id == proposal)).Decision);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, page, "Decide", new(decide))).StatusCode);
        await using (var db = factory.Database.CreateContext())
        {
            var decided = await db.Set<Proposal>().SingleAsync(p => p.Id == proposal);
            Assert.Equal(ProposalDecision.Adopted, decided.Decision);
            Assert.Equal(coordinatorUser.Id, decided.DecidedByUserId);
        }

        // The public page shows the decision and the phase-out list, and no member's name.
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var html = await anonymous.GetStringAsync("/leren");
        Assert.Contains("Groepen als standaard", html, StringComparison.Ordinal);
        Assert.Contains("Intakes vooraf", html, StringComparison.Ordinal);
        Assert.DoesNotContain(citizenUser.Email!, html, StringComparison.OrdinalIgnoreCase);
        // The workshop pages themselves need an account.
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(page)).StatusCode);
    }

    private static async Task<WorkshopState> StateAsync(GemWebFactory factory, Guid id)
    {
        await using var db = factory.Database.CreateContext();
        return (await db.Set<Workshop>().SingleAsync(w => w.Id == id)).State;
    }
}
