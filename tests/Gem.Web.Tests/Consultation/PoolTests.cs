using System.Globalization;
using System.Net;
using Gem.Core.Atlas;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Consultation;

/// <summary>The coordinator keeps the pool and the rota; nobody else may.</summary>
public sealed class PoolTests
{
    [SqliteOnly("pool pages; consultation authorization runs on both in ConsultationAuthorizationMatrixTests")]
    [Fact]
    public async Task Coordinator_AddsASpecialistAndPutsThemOnDuty_StaffMayNot()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        Guid ggz;
        await using (var db = factory.Database.CreateContext())
            ggz = await db.Partners.Where(p => p.Sector == Sector.Verslavingszorg && p.IsFictional).Select(p => p.Id).FirstAsync();
        var specialist = await factory.CreateUserAsync(Roles.Specialist, ggz);
        var coordinator = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Coordinator));
        var staff = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.PartnerStaff, ggz));
        Assert.Equal(HttpStatusCode.Redirect, (await staff.GetAsync("/consultatie/pool")).StatusCode);

        var token = await WebTestExtensions.AntiforgeryTokenAsync(coordinator, "/consultatie/pool");
        var added = await coordinator.PostAsync("/consultatie/pool?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = specialist.Email!, ["Discipline"] = nameof(Discipline.Verslavingsarts), ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Guid member;
        await using (var db = factory.Database.CreateContext())
            member = (await db.Set<Specialist>().SingleAsync(s => s.UserId == specialist.Id)).Id;

        var week = ConsultationPool.WeekOf(DateTimeOffset.UtcNow).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rota = await coordinator.PostAsync("/consultatie/pool?handler=Rota", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["week"] = week, ["leads"] = member.ToString(), ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(coordinator, "/consultatie/pool"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, rota.StatusCode);
        await using (var db = factory.Database.CreateContext())
        {
            var day = DateOnly.ParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var duty = Assert.Single(await db.Set<DutyWeek>().Where(d => d.WeekStart == day).ToListAsync());
            Assert.Equal(member, duty.SpecialistId);
            Assert.Equal(DutyRole.Lead, duty.Role);
        }
        // An account without the role specialist cannot join: a readable error, nothing changes.
        var refused = await coordinator.PostAsync("/consultatie/pool?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "nobody@test.gem.example", ["Discipline"] = nameof(Discipline.Psycholoog),
            ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(coordinator, "/consultatie/pool"),
        }));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("role=\"alert\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
