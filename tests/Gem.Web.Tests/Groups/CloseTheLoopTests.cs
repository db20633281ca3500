using System.Net;
using System.Net.Http.Json;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Consent;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Core.Sms;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Groups;

/// <summary>
/// Issue 13 item 1 and "close the loop on every enrolment": a code to keep, true words on the confirmation with links to
/// cancel and pause, an SMS when a phone number is the only contact, finding the enrolment by code and contact, and the
/// partner seeing their participants' contact details with every view in the access log. Both providers.
/// </summary>
public sealed class CloseTheLoopTests
{
    private static async Task<(string Token, Guid Id)> EnrolAsync(HttpClient client, Guid sessionId, string name, string? email, string? phone)
    {
        var response = await client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest(name, email, phone));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<EnrolmentFlowTests.EnrolmentView>(Atlas.AtlasApiTests.Json))!;
        return (view.Token, view.Id);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PhoneOnlyEnrolment_ConfirmationShowsCodeAndLinks_AndAnSmsIsQueuedAndSent(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var client = factory.CreateClient();
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Rolling, 10);

        var (token, id) = await EnrolAsync(client, sessionId, "Noor", null, "06-12 34 56 78");

        await using var db = factory.Database.CreateContext();
        var enrolment = await db.Enrolments.SingleAsync(e => e.Id == id);
        Assert.Matches("^[2-9A-HJKMNP-Z]{8}$", enrolment.Code);
        // The SMS is a row written with the enrolment, not sent inside the request.
        var queued = await db.Set<SmsMessage>().SingleAsync(m => m.EnrolmentId == id);
        Assert.Null(queued.SentAt);
        Assert.Empty(Directory.Exists(factory.SmsFolder) ? Directory.GetFiles(factory.SmsFolder) : []);

        var html = await client.GetStringAsync("/voorportaal/aangemeld/" + token);
        Assert.Contains(EnrolmentCode.Display(enrolment.Code), html, StringComparison.Ordinal);
        Assert.Contains("We sturen een sms naar 06-12 34 56 78", html, StringComparison.Ordinal);
        Assert.DoesNotContain("nemen contact met je op", html, StringComparison.Ordinal); // no promise nobody keeps
        Assert.DoesNotContain("In de bevestiging staat hoe je afzegt", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/groups/enrolment/{token}#afzeggen\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/groups/enrolment/{token}#pauzeren\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/aanmelding\"", html, StringComparison.Ordinal);
        // The manage page the links lead to has the forms with those anchors.
        var manage = await client.GetStringAsync($"/groups/enrolment/{token}?new=true");
        Assert.Contains("id=\"afzeggen\"", manage, StringComparison.Ordinal);
        Assert.Contains("id=\"pauzeren\"", manage, StringComparison.Ordinal);
        Assert.Contains(EnrolmentCode.Display(enrolment.Code), manage, StringComparison.Ordinal);

        await factory.DeliverSmsAsync();
        var file = Assert.Single(Directory.GetFiles(factory.SmsFolder, "*.txt"));
        var text = await File.ReadAllTextAsync(file);
        Assert.StartsWith("To: 06-12 34 56 78", text, StringComparison.Ordinal);
        Assert.Contains(EnrolmentCode.Display(enrolment.Code), text, StringComparison.Ordinal);
        Assert.Contains("/groups/enrolment/" + token, text, StringComparison.Ordinal);
        await using var check = factory.Database.CreateContext();
        Assert.NotNull((await check.Set<SmsMessage>().SingleAsync(m => m.EnrolmentId == id)).SentAt);
        await factory.DeliverSmsAsync(); // nothing left: sent once
        Assert.Single(Directory.GetFiles(factory.SmsFolder, "*.txt"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CalledOffSession_PhoneOnlyPersonGetsAnSms(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var client = factory.CreateClient();
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Open, 10);
        var (_, id) = await EnrolAsync(client, sessionId, "Bo", null, "0611112222");
        await factory.DeliverSmsAsync();
        await using var db = factory.Database.CreateContext();
        var offer = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Offer!).SingleAsync();
        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Admin));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/atlas/sessions/{sessionId}/cancel", null)).StatusCode);
        await factory.DeliverSmsAsync();

        var texts = await Task.WhenAll(Directory.GetFiles(factory.SmsFolder, "*.txt").Select(f => File.ReadAllTextAsync(f)));
        Assert.Equal(2, texts.Length);
        Assert.Single(texts, t => t.Contains("gaat niet door", StringComparison.Ordinal) && t.Contains(offer.Name, StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FindPage_CodeWithContact_LeadsToTheEnrolment_OtherwiseOneMessage(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Rolling, 10);
        var (phoneToken, phoneId) = await EnrolAsync(client, sessionId, "Noor", null, "06-12345678");
        var (mailToken, mailId) = await EnrolAsync(client, sessionId, "Sam", "sam@test.example", null);
        await using var db = factory.Database.CreateContext();
        var phoneCode = (await db.Enrolments.SingleAsync(e => e.Id == phoneId)).Code!;
        var mailCode = (await db.Enrolments.SingleAsync(e => e.Id == mailId)).Code!;

        async Task<HttpResponseMessage> FindAsync(string code, string contact) => await client.PostAsync("/aanmelding", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code, ["Contact"] = contact, ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, "/aanmelding"),
        }));

        // Typed loosely: lower case, a space instead of the dash, the phone number without its dash.
        var byPhone = await FindAsync(EnrolmentCode.Display(phoneCode).ToLowerInvariant().Replace('-', ' '), "0612345678");
        Assert.Equal(HttpStatusCode.Redirect, byPhone.StatusCode);
        Assert.Equal("/groups/enrolment/" + phoneToken, byPhone.Headers.Location!.OriginalString);
        var byMail = await FindAsync(mailCode, "SAM@test.example");
        Assert.Equal("/groups/enrolment/" + mailToken, byMail.Headers.Location!.OriginalString);

        // Someone else's code with my contact, or a made-up code: the same answer, no hint which part was wrong.
        foreach (var (code, contact) in new[] { (mailCode, "0612345678"), ("ABCDEFGH", "sam@test.example") })
        {
            var miss = await FindAsync(code, contact);
            Assert.Equal(HttpStatusCode.OK, miss.StatusCode);
            Assert.Contains("data-testid=\"find-failed\"", await miss.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PartnerContacts_OwnStaffSeePhoneAndMail_EachViewIsLogged_OthersGetNotFound(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var client = factory.CreateClient();
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Open, 10);
        var (phoneToken, phoneId) = await EnrolAsync(client, sessionId, "Noor", null, "0698765432");
        var (_, mailId) = await EnrolAsync(client, sessionId, "Sam", "sam@test.example", null);
        await using var db = factory.Database.CreateContext();
        var offer = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.Offer!).SingleAsync();
        var otherPartner = await db.Partners.Where(p => p.Id != offer.PartnerId).Select(p => p.Id).FirstAsync();
        var staffUser = await factory.CreateUserAsync(Roles.PartnerStaff, offer.PartnerId);
        var staff = await factory.SignedInClientAsync(staffUser);
        var stranger = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.PartnerStaff, otherPartner));

        var sessionPage = await staff.GetStringAsync($"/partner/groups/sessions/{sessionId}");
        Assert.Contains($"/partner/groups/sessions/{sessionId}/contact", sessionPage, StringComparison.Ordinal);
        var html = await staff.GetStringAsync($"/partner/groups/sessions/{sessionId}/contact");
        Assert.Contains("href=\"tel:0698765432\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:sam@test.example\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/partner/groups/sessions/{sessionId}/contact")).StatusCode);

        await using var check = factory.Database.CreateContext();
        var logged = await check.AccessLog.Where(x => x.What == ParticipantContacts.What && x.ActorUserId == staffUser.Id).ToListAsync();
        Assert.Equal(new[] { mailId, phoneId }.Order(), logged.Select(x => x.SubjectUserId).Order());
        Assert.All(logged, x => Assert.Equal(offer.PartnerId, x.ActorOrganisationId));
        // The person sees on their own page that the group looked.
        var own = await client.GetStringAsync("/groups/enrolment/" + phoneToken);
        Assert.Contains("data-testid=\"viewed\"", own, StringComparison.Ordinal);
    }
}
