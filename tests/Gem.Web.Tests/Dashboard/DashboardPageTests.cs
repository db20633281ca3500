using System.Net;
using Gem.Core.Data;
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
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Nine people started through the front door, three days after their first visit: a group of 9.
            var counter = scope.ServiceProvider.GetRequiredService<FrontDoorCounter>();
            await counter.AddAsync(Enumerable.Repeat((CountKind.DaysToFirstSession, "3"), 9));
        }
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

    [Fact]
    public async Task DashboardCsv_Coordinator_DownloadsTheTableWithLessThanTen()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var counter = scope.ServiceProvider.GetRequiredService<FrontDoorCounter>();
            await counter.AddAsync(Enumerable.Repeat((CountKind.DaysToFirstSession, "1"), 12).Concat(Enumerable.Repeat((CountKind.DaysToFirstSession, "0"), 3)));
        }
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
}
