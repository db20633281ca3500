using System.Net;
using Gem.Core.Atlas;
using Gem.Core.Dashboard;
using Gem.Core.Data;
using Gem.Core.Demo;
using Gem.Core.Groups;
using Microsoft.EntityFrameworkCore;
using Gem.Core.FrontDoor;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Dashboard;

public sealed class DashboardPageTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_Coordinator_SeesChartsTablesAndLessThanTenForNinePersons(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        // Nine people came from the front door and were present three days after their first visit: a group of 9.
        await FrontDoorPersonsAsync(factory, (3, 9));
        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        using var client = await factory.SignedInClientAsync(coordinator);

        var response = await client.GetAsync("/dashboard");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ecosysteem-dashboard", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-time-t\">", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"time-persons\">&lt; 10</dd>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"csv-recovery\"", html, StringComparison.Ordinal);
    }

    [SqliteOnly("renders the dashboard; its queries run on both in this class")]
    [Fact]
    public async Task DashboardCsv_Coordinator_DownloadsTheTableWithLessThanTen()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        await FrontDoorPersonsAsync(factory, (1, 12), (0, 3));
        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        using var client = await factory.SignedInClientAsync(coordinator);

        var response = await client.GetAsync("/dashboard?handler=csv&table=time&culture=en-GB&ui-culture=en-GB");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("gem-dashboard-time.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Item,Persons,Share", lines[0]);
        Assert.Equal("Same day,< 10,< 10", lines[1]);
        Assert.Equal("1–2 days,10,80%", lines[2]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboard?handler=csv&table=nothing")).StatusCode);
    }

    /// <summary>Persons who enrolled from the front door and were marked present at a past session the given days after their visit (null: not present).</summary>
    private static async Task FrontDoorPersonsAsync(GemWebFactory factory, params (int? Days, int Persons)[] groups)
    {
        await using var db = factory.Database.CreateContext();
        var offer = await db.Offers.OrderBy(o => o.Name).FirstAsync(o => o.Format == OfferFormat.Group);
        var start = DateTimeOffset.UtcNow.AddDays(-3);
        var session = new Session { OfferId = offer.Id, Start = start, End = start.AddHours(2) };
        db.Add(session);
        var n = 0;
        foreach (var (days, persons) in groups)
        {
            for (var i = 0; i < persons; i++, n++)
            {
                var e = new Enrolment
                {
                    OfferId = offer.Id, SessionId = session.Id, Name = "P" + n, Email = $"p{n}@test.example", CreatedAt = start,
                    FrontDoorVisit = LocalTime.Day(start).AddDays(-(days ?? 0)),
                };
                db.Add(e);
                if (days is not null) db.Add(new Attendance { SessionId = session.Id, EnrolmentId = e.Id, Mark = AttendanceMark.Present, RecordedAt = start });
            }
        }
        await db.SaveChangesAsync();
    }

    [SqliteOnly("renders the dashboard; its queries run on both in this class")]
    [Fact]
    public async Task Dashboard_English_ShowsEnglishTitles()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var client = await factory.SignedInClientAsync(admin);

        var html = await client.GetStringAsync("/dashboard?culture=en-GB&ui-culture=en-GB");

        Assert.Contains("Ecosystem dashboard", html, StringComparison.Ordinal);
        Assert.Contains("Recovery as people rate it", html, StringComparison.Ordinal);
    }

    [SqliteOnly("renders the dashboard; its queries run on both in this class")]
    [Fact]
    public async Task Dashboard_PartnerStaffOrAnonymous_IsRefused()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        Guid partnerId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
            partnerId = db.Partners.Select(p => p.Id).First();
        }
        var staff = await factory.CreateUserAsync(Roles.PartnerStaff, partnerId);
        using var client = await factory.SignedInClientAsync(staff);

        var page = await client.GetAsync("/dashboard");
        var csv = await client.GetAsync("/dashboard?handler=csv&table=time");
        var denied = await client.GetAsync(page.Headers.Location);
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var anon = await anonymous.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/Denied", page.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
        Assert.Contains("/Account/Login", anon.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dashboard_ChosenPeriod_CountsOnlyVisitsInItAndKeepsItInTheCsvLinks(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        await FrontDoorPersonsAsync(factory, (1, 12));
        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        using var client = await factory.SignedInClientAsync(coordinator);
        var visit = LocalTime.Day(DateTimeOffset.UtcNow.AddDays(-3)).AddDays(-1);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var with = await client.GetStringAsync($"/dashboard?from={Day(visit.AddDays(-7))}&to={Day(visit)}");
        var without = await client.GetStringAsync($"/dashboard?from={Day(visit.AddDays(-60))}&to={Day(visit.AddDays(-1))}");
        var csv = await client.GetStringAsync($"/dashboard?handler=csv&table=time&from={Day(visit.AddDays(-60))}&to={Day(visit.AddDays(-1))}&culture=en-GB&ui-culture=en-GB");

        Assert.Contains("data-testid=\"time-persons\">10</dd>", with, StringComparison.Ordinal);
        Assert.Contains($"table=time&amp;from={Day(visit.AddDays(-7))}&amp;to={Day(visit)}", with, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"time-persons\">&lt; 10</dd>", without, StringComparison.Ordinal);
        Assert.Contains("1–2 days,< 10,", csv, StringComparison.Ordinal);
    }

    [SqliteOnly("renders the dashboard; its queries run on both in this class")]
    [Theory]
    [InlineData("from=2026-05-01&to=2999-01-01", "De periode kan niet na vandaag eindigen")]
    [InlineData("from=2026-05-01&to=2026-04-01", "De begindatum ligt na de einddatum")]
    [InlineData("from=gisteren", "Dat is geen datum")]
    public async Task Dashboard_BadPeriod_SaysWhyAndShowsTheLastTwelveMonths(string query, string message)
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        using var client = await factory.SignedInClientAsync(coordinator);

        var response = await client.GetAsync("/dashboard?" + query);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        var today = LocalTime.Day(DateTimeOffset.UtcNow);
        Assert.Contains($"value=\"{today:yyyy-MM-dd}\"", html, StringComparison.Ordinal);
    }

    [SqliteOnly("starts the demo history in the background; resuming it runs on both in DemoHistoryResumeTests")]
    [Fact]
    public async Task DemoHistory_AtFirstStart_FillsTheDemoRegionInTheBackgroundOnce()
    {
        await using var factory = new GemWebFactory(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false));
        factory.Settings["Gem:Database:DemoHistory"] = "true";
        factory.Settings["Gem:Database:DemoHistoryWeeks"] = "2";
        _ = factory.Services;

        await using var db = factory.Database.CreateContext();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var status = factory.Services.GetRequiredService<Gem.Web.Dashboard.DemoHistoryStatus>();
        while ((status.Running || !await new DemoHistory(db).AlreadySimulatedAsync()) && DateTime.UtcNow < deadline) await Task.Delay(200);

        Assert.False(status.Running);
        Assert.True(await db.Attendances.AnyAsync(), "the simulated history has attendance");
        Assert.True(await db.Enrolments.AnyAsync(e => e.FrontDoorVisit != null));
    }
}
