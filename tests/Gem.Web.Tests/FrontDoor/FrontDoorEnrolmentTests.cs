using System.Net;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Gem.Web.Tests.FrontDoor;

/// <summary>Enrolling through the front door, and the thin-region warning, on SQLite and PostgreSQL.</summary>
public sealed class FrontDoorEnrolmentTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrol_GroupWithEmail_ConfirmationPageMailInPickupFolderAndAnonymousCounts(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Offer offer;
        await using (var db = factory.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            offer = await db.Offers.Include(o => o.Partner).Where(o => o.FlowPolicy == FlowPolicy.Rolling && o.Capacity != null && o.Access == Access.NoReferral && o.Sessions.Any(s => s.Start > now))
                .OrderBy(o => o.Name).FirstAsync();
        }
        var path = $"/voorportaal/aanbod/{offer.Id}?d=LowMood&v=" + DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await client.GetStringAsync(path);
        Assert.Contains("data-testid=\"enrol\"", page, StringComparison.Ordinal);
        var sessionId = System.Text.RegularExpressions.Regex.Match(page, "name=\"SessionId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var visit = System.Text.RegularExpressions.Regex.Match(page, "name=\"Visit\" value=\"([0-9-]+)\"").Groups[1].Value;
        var token = await WebTestExtensions.AntiforgeryTokenAsync(client, path);

        var response = await client.PostAsync(path, new FormUrlEncodedContent(
        [
            new("SessionId", sessionId), new("Name", "Robin"), new("Email", "robin@example.org"), new("Visit", visit), new("__RequestVerificationToken", token),
        ]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await client.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("Je bent aangemeld", confirmation, StringComparison.Ordinal);
        Assert.Contains("robin@example.org", confirmation, StringComparison.Ordinal);

        await factory.DeliverMailAsync();
        var mail = Assert.Single(Directory.GetFiles(factory.MailFolder, "*.eml"));
        var message = await MimeMessage.LoadAsync(mail);
        Assert.Equal("robin@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains(offer.Name, message.TextBody, StringComparison.Ordinal);

        await using var check = factory.Database.CreateContext();
        var counts = await check.Set<FrontDoorCount>().ToListAsync();
        Assert.Contains(counts, c => c.Kind == CountKind.SectorStarted && c.Key == offer.Partner!.Sector.ToString() && c.Count == 1);
        Assert.DoesNotContain(counts, c => c.Kind == CountKind.DaysToFirstSession);
        var enrolment = await check.Enrolments.SingleAsync();
        Assert.Equal("Robin", enrolment.Name);
        Assert.Equal(DateOnly.ParseExact(visit, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), enrolment.FrontDoorVisit);
    }

    [SqliteOnly("form validation; enrolment storage runs on both in this class")]
    [Fact]
    public async Task Enrol_NoWayToBeReached_FormShowsTheErrorAndNothingIsStored()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Guid offerId;
        await using (var db = factory.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            offerId = await db.Offers.Where(o => o.FlowPolicy == FlowPolicy.Rolling && o.Capacity != null && o.Access == Access.NoReferral && o.Sessions.Any(s => s.Start > now)).Select(o => o.Id).FirstAsync();
        }
        var path = $"/voorportaal/aanbod/{offerId}";
        var page = await client.GetStringAsync(path);
        var sessionId = System.Text.RegularExpressions.Regex.Match(page, "name=\"SessionId\" value=\"([0-9a-f-]+)\"").Groups[1].Value;
        var response = await client.PostAsync(path, new FormUrlEncodedContent(
            [new("SessionId", sessionId), new("Name", "Sam"), new("__RequestVerificationToken", await WebTestExtensions.AntiforgeryTokenAsync(client, path))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vul een geldig e-mailadres of een telefoonnummer in.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = factory.Database.CreateContext();
        Assert.Equal(0, await check.Enrolments.CountAsync());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Guarantee_ThinRegion_CoordinatorSeesTheBrokenCombinations(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        await using (var db = factory.Database.CreateContext())
        {
            var region = new Region { Name = "Dunne regio" };
            region.Areas.Add(new RegionArea { RegionId = region.Id, Pc4 = "3841", Gemeente = "Harderwijk", Place = "Harderwijk" });
            var partner = new Partner { Name = "Buurthuis (fictief)", Sector = Sector.SociaalDomein, RegionId = region.Id };
            var offer = new Offer
            {
                Name = "Inloop", PartnerId = partner.Id, Format = OfferFormat.WalkIn, FlowPolicy = FlowPolicy.Open, Access = Access.NoReferral,
                LifeDomains = LifeDomains.MoneyAndDebt, Pc4 = "3841", City = "Harderwijk", Latitude = 52.34, Longitude = 5.62,
            };
            var start = DateTimeOffset.UtcNow.AddDays(1);
            offer.Sessions.Add(new Session { OfferId = offer.Id, Start = start, End = start.AddHours(2) });
            partner.Offers.Add(offer);
            region.Partners.Add(partner);
            db.Regions.Add(region);
            await db.SaveChangesAsync();
        }
        var user = await factory.CreateUserAsync(Roles.Coordinator);
        var client = await factory.SignedInClientAsync(user);

        var html = await client.GetStringAsync("/voorportaal/garantie");

        Assert.Contains("data-testid=\"warning\"", html, StringComparison.Ordinal);
        Assert.Equal(12 * 9, System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"gap\"").Count);
        Assert.Contains("3841 (1)", html, StringComparison.Ordinal);
    }
}
