using System.Net;
using System.Text.RegularExpressions;
using Gem.Core;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Dashboard;

/// <summary>
/// The dashboard read at a glance: headline figures against GEM's goals before any chart, partners with fewer than 10
/// persons grouped instead of one "&lt; 10" line each, the group share per quarter, tables behind a disclosure.
/// </summary>
public sealed class DashboardHeadlineTests
{
    /// <summary>
    /// Three days ago, 12 persons present at a group session of each of two partners and 8 at an individual session of
    /// each of two others: 60% of support in groups; two partners with fewer than 10 persons.
    /// </summary>
    private static async Task<string> DashboardWithSixtyPercentInGroupsAsync(GemWebFactory factory)
    {
        await using (var db = factory.Database.CreateContext())
        {
            var offers = await db.Offers.Where(o => !o.IsOnline).OrderBy(o => o.Name).ToListAsync();
            var groups = offers.Where(o => o.Format == OfferFormat.Group).DistinctBy(o => o.PartnerId).Take(2).ToList();
            var individual = offers.Where(o => o.Format == OfferFormat.Individual && groups.All(g => g.PartnerId != o.PartnerId)).DistinctBy(o => o.PartnerId).Take(2).ToList();
            Assert.Equal(2, groups.Count);
            Assert.Equal(2, individual.Count);
            var start = DateTimeOffset.UtcNow.AddDays(-3);
            var n = 0;
            foreach (var (offer, persons) in groups.Select(o => (o, 12)).Concat(individual.Select(o => (o, 8))))
            {
                var session = new Session { OfferId = offer.Id, Start = start, End = start.AddHours(1) };
                db.Add(session);
                for (var i = 0; i < persons; i++, n++)
                {
                    var e = new Enrolment { OfferId = offer.Id, SessionId = session.Id, Name = "P" + n, Email = $"p{n}@test.example", CreatedAt = start, FrontDoorVisit = LocalTime.Day(start) };
                    db.Add(e);
                    db.Add(new Attendance { SessionId = session.Id, EnrolmentId = e.Id, Mark = AttendanceMark.Present, RecordedAt = start });
                }
            }
            await db.SaveChangesAsync();
        }
        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        using var client = await factory.SignedInClientAsync(coordinator);
        var response = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Element(string html, string marker, string end)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, "missing " + marker);
        return html[at..(html.IndexOf(end, at, StringComparison.Ordinal) + end.Length)];
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_GroupShareUnderTheGoal_IsTheFirstHeadlineAndSaysHowFarFromEightyPercent(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);

        var html = await DashboardWithSixtyPercentInGroupsAsync(factory);

        var headlines = html.IndexOf("data-testid=\"headlines\"", StringComparison.Ordinal);
        Assert.True(headlines > 0 && headlines < html.IndexOf("<svg", StringComparison.Ordinal), "headline figures come before the first chart");
        var groups = Element(html, "<li class=\"headline goal-missed\" data-testid=\"headline-groups\">", "</li>");
        Assert.Contains("<span class=\"big\">60%</span>", groups, StringComparison.Ordinal);
        Assert.Contains("Doel: 80%: nog niet gehaald, 20 procentpunt te gaan", groups, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"headline-week\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"headline-gaps\"", html, StringComparison.Ordinal);
    }

    [SqliteOnly("renders the dashboard; its queries run on both in this class and DashboardPageTests")]
    [Fact]
    public async Task Dashboard_PartnersWithFewerThanTenPersons_AreNamedTogetherNotChartedOneByOne()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        const int partners = 4;

        var html = await DashboardWithSixtyPercentInGroupsAsync(factory);

        var chart = Element(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-groups\"", "</svg>");
        Assert.Equal(3, Regex.Matches(chart, "<rect ").Count); // the region and the two partners with 12 persons
        Assert.DoesNotContain("&lt; 10", chart, StringComparison.Ordinal);
        Assert.Contains("Doel: 80%", chart, StringComparison.Ordinal); // the goal line is named in the chart
        var small = Element(html, "<details data-testid=\"small-partners\">", "</details>");
        Assert.Contains("2 partners met minder dan 10 personen", small, StringComparison.Ordinal);
        // The full table (every partner, "< 10" where small) stays, behind a disclosure.
        var table = Element(html, "<details class=\"table-box\" data-testid=\"details-groups\">", "</details>");
        Assert.Equal(partners + 1, Regex.Matches(table, "<th scope=\"row\">").Count);
    }

    [SqliteOnly("renders the dashboard; its queries run on both in this class and DashboardPageTests")]
    [Fact]
    public async Task Dashboard_GroupShareTrend_ShowsFourQuartersWithTheLatestShare()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);

        var html = await DashboardWithSixtyPercentInGroupsAsync(factory);

        var trend = Element(html, "id=\"chart-groups-trend\"", "</svg>");
        Assert.Contains(">60%</text>", trend, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(trend, "font-size=\"11\" fill=\"#555\" text-anchor=\"(start|middle|end)\">[^<]+–[^<]+</text>").Count);
        Assert.Contains("stroke-dasharray=\"5 3\"", trend, StringComparison.Ordinal); // the goal line
    }

    [SqliteOnly("renders the dashboard; its queries run on both in this class and DashboardPageTests")]
    [Fact]
    public async Task Dashboard_TablesWithAChart_AreBehindAClosedDisclosureWithAKeyboardScrollBox()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);

        var html = await DashboardWithSixtyPercentInGroupsAsync(factory);

        foreach (var key in new[] { "time", "groups", "sectors", "domains", "gaps", "recovery" })
        {
            var box = Element(html, $"<details class=\"table-box\" data-testid=\"details-{key}\">", "</details>");
            Assert.Contains($"data-testid=\"table-{key}\"", box, StringComparison.Ordinal);
            Assert.Contains("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=", box, StringComparison.Ordinal);
        }
        Assert.Contains("<details class=\"table-box\" open=\"open\" data-testid=\"details-plans\">", html, StringComparison.Ordinal); // no chart: shown
    }
}
