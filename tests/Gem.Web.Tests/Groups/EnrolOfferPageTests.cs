using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Groups;

/// <summary>
/// Issue 13 item 10: the page where people enrol says who facilitates (ervaringsdeskundige), how joining and leaving work
/// and whether a referral is needed, like the atlas offer page (the same partial); "Ik doe mee" on a referral-only group
/// states the referral, on the atlas page and on the enrol page. Both providers.
/// </summary>
public sealed class EnrolOfferPageTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnrolPage_ShowsFacilitatorsFlowAndNoReferral_ReferralGroupStatesIt(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var client = factory.CreateClient();
        await using var db = factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var open = await db.Offers.Where(o => o.Access == Access.NoReferral && o.FlowPolicy == FlowPolicy.Rolling && o.Format == OfferFormat.Group
                && (o.Facilitators & FacilitatorRoles.ExperienceExpert) != 0 && o.Sessions.Any(s => s.Start > now.AddDays(1)))
            .OrderBy(o => o.Name).FirstAsync();
        var openSession = await db.Sessions.Where(s => s.OfferId == open.Id && s.Start > now.AddDays(1)).OrderBy(s => s.Start).FirstAsync();

        var html = await client.GetStringAsync($"/groups/enrol/{openSession.Id}");
        Assert.Contains("Je hebt geen verwijzing nodig.", html, StringComparison.Ordinal);
        Assert.Contains("Een ervaringsdeskundige", html, StringComparison.Ordinal);
        Assert.Contains("Je kunt elke week instromen.", html, StringComparison.Ordinal);
        Assert.Contains("Wie begeleidt?", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"enrol-referral\"", html, StringComparison.Ordinal);

        // Make that group referral-only: both "Ik doe mee" places now say so.
        open.Access = Access.Referral;
        await db.SaveChangesAsync();
        var referralEnrol = await client.GetStringAsync($"/groups/enrol/{openSession.Id}");
        Assert.Contains("data-testid=\"enrol-referral\"", referralEnrol, StringComparison.Ordinal);
        Assert.Contains("Voor deze groep heb je een verwijzing nodig", referralEnrol, StringComparison.Ordinal);
        var atlas = await client.GetStringAsync($"/atlas/offers/{open.Id}");
        Assert.Contains("data-testid=\"join-referral\"", atlas, StringComparison.Ordinal);
        Assert.True(atlas.IndexOf("data-testid=\"join-referral\"", StringComparison.Ordinal) < atlas.IndexOf("data-testid=\"join\"", StringComparison.Ordinal),
            "the referral is said before the join links");
    }
}
