using System.Net;
using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Diary.Research;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Diary;

/// <summary>
/// Research use from the database (decision 804), without JavaScript: a loaded study on /mijn/dagboek, joining only with the
/// consent box, the moment's form asking exactly the study's items, extra answers stored / exported / erased, leaving, the
/// export from the database against <see cref="DiaryStudyExport"/>, and the staff page's authorisation.
/// </summary>
public sealed class DiaryStudyFlowTests
{
    public const string Protocol = """
        {
          "id": "ontspanning-2027",
          "title": "Ontspanning in de wijk",
          "schedule": { "days": 7, "momentsPerDay": 6, "from": "09:00", "until": "21:00", "minGapMinutes": 45, "expiryMinutes": 20 },
          "items": ["cheerful", "relaxed", "place", "company"],
          "extraItems": [ { "id": "pain", "textNl": "Hoeveel pijn heb je nu?", "textEn": "How much pain do you have now?", "lowNl": "geen", "highNl": "heel veel" } ]
        }
        """;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static async Task LoadAsync(GemWebFactory factory, string json = Protocol)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<DiaryStudies>().LoadAsync(json)).IsValid);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OptInOnly_FormAsksTheStudysItems_ExtraAnswersStoredExportedErased_LeaveKeepsTheData(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        await LoadAsync(factory);
        var person = await factory.CreateUserAsync(Roles.Citizen);
        var client = await factory.SignedInClientAsync(person);

        // The open study is shown with what is asked, how long, that only group figures leave, and an unticked box.
        var page = await client.GetStringAsync("/mijn/dagboek");
        Assert.Contains("data-testid=\"study-ontspanning-2027\"", page, StringComparison.Ordinal);
        Assert.Contains("Hoeveel pijn heb je nu?", page, StringComparison.Ordinal);
        Assert.Contains("7 dagen, 6 vragen per dag, tussen 09:00 en 21:00", page, StringComparison.Ordinal);
        Assert.Contains("minstens 10 mensen", page, StringComparison.Ordinal);
        Assert.Contains("altijd stoppen", page, StringComparison.Ordinal);
        Assert.Matches("<input type=\"checkbox\" name=\"consent\" value=\"true\" data-testid=\"study-consent\" />", page);

        // Without the box ticked: nothing happens.
        var refused = await PostFormAsync(client, "/mijn/dagboek", "Join", new() { ["studyId"] = "ontspanning-2027" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-testid=\"diary-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.False(await db.Set<DiaryStudyParticipation>().AnyAsync());
            Assert.False(await db.Set<PersonalDiary>().AnyAsync(d => d.OwnerId == person.Id));
        }

        var joined = await PostFormAsync(client, "/mijn/dagboek", "Join", new() { ["studyId"] = "ontspanning-2027", ["consent"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        List<DiaryMoment> moments;
        await using (var db = factory.Database.CreateContext())
        {
            var diary = await db.Set<PersonalDiary>().SingleAsync(d => d.OwnerId == person.Id);
            Assert.Equal((7, 6, 9 * 60, 21 * 60, 45, 20), (diary.Days, diary.PerDay, diary.WakeFromMinutes, diary.WakeUntilMinutes, diary.MinGapMinutes, diary.ExpiryMinutes));
            Assert.Equal(diary.Id, (await db.Set<DiaryStudyParticipation>().SingleAsync(p => p.OwnerId == person.Id && p.StudyId == "ontspanning-2027")).DiaryId);
            moments = await db.Set<DiaryMoment>().Where(m => m.DiaryId == diary.Id).OrderBy(m => m.PlannedAt).ToListAsync();
            // The first prompt went out (as the sender marks it), so stopping the diary later keeps it.
            await db.Set<DiaryMoment>().Where(m => m.Id == moments[0].Id).ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow).SetProperty(m => m.Channel, DiaryChannel.Mail));
        }
        Assert.Contains("data-testid=\"study-joined\"", await client.GetStringAsync("/mijn/dagboek"), StringComparison.Ordinal);

        // The form asks exactly the study's items: cheerful, relaxed, where, with whom and the extra "pain"; nothing else.
        var phone = factory.CreateClient(new() { AllowAutoRedirect = false });
        var path = "/dagboek/m/" + moments[0].Token;
        var form = await phone.GetStringAsync(path);
        foreach (var asked in new[] { "data-testid=\"mood-Cheerful\"", "data-testid=\"mood-Relaxed\"", "name=\"Place\"", "name=\"Company\"", "data-testid=\"extra-pain\"", "1 = geen", "7 = heel veel" })
            Assert.Contains(asked, form, StringComparison.Ordinal);
        foreach (var notAsked in new[] { "mood-Down", "mood-Anxious", "mood-Irritated", "name=\"Activity\"", "name=\"RatherElse\"", "name=\"Word\"" })
            Assert.DoesNotContain(notAsked, form, StringComparison.Ordinal);
        Assert.Contains("How much pain do you have now?", await phone.GetStringAsync(path + "?culture=en-GB&ui-culture=en-GB"), StringComparison.Ordinal);

        var outOfRange = await PostFormAsync(phone, path, "Answer", new() { ["Cheerful"] = "6", ["Relaxed"] = "5", ["Place"] = "Home", ["Company"] = "Friends", ["extra-pain"] = "9" });
        Assert.Contains("data-testid=\"moment-error\"", await outOfRange.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answered = await PostFormAsync(phone, path, "Answer", new()
        {
            ["Cheerful"] = "6", ["Relaxed"] = "5", ["Place"] = "Home", ["Company"] = "Friends", ["extra-pain"] = "3",
            // Not asked, so not kept even when sent.
            ["Down"] = "7", ["Activity"] = "Screen", ["Word"] = "stiekem",
        });
        Assert.Contains("data-testid=\"moment-thanks\"", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = factory.Database.CreateContext())
        {
            var m = await db.Set<DiaryMoment>().SingleAsync(x => x.Id == moments[0].Id);
            Assert.Equal((6, 5, DiaryPlace.Home, DiaryCompany.Friends), (m.Cheerful, m.Relaxed, m.Place, m.Company));
            Assert.Equal((null, null, null, null), (m.Down, m.Activity, m.Word, m.RatherElse));
            var extra = await db.Set<DiaryExtraAnswer>().SingleAsync(a => a.MomentId == m.Id);
            Assert.Equal(("pain", 3, person.Id), (extra.ItemId, extra.Value, extra.OwnerId));
        }
        // "Jouw week" still opens with a moment that has only two sliders.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/mijn/dagboek/week")).StatusCode);

        // The person's own export: JSON and FHIR hold the extra answer.
        var json = await client.GetStringAsync("/mijn/export.json");
        Assert.Matches("\"[Ee]xtra\":\\s*\\{\\s*\"pain\":\\s*3", json);
        var fhir = await client.GetStringAsync("/mijn/export.fhir.json");
        Assert.Contains("\"linkId\": \"study-pain\"", fhir.Replace("\"linkId\":\"", "\"linkId\": \"", StringComparison.Ordinal), StringComparison.Ordinal);

        // Counted in the study while joined; leaving removes the link, keeps the person's moments, and stops the study's prompts.
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Single(await scope.ServiceProvider.GetRequiredService<DiaryStudies>().AnswersAsync("ontspanning-2027"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/mijn/dagboek", "Leave", new() { ["studyId"] = "ontspanning-2027" })).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<DiaryStudies>().AnswersAsync("ontspanning-2027"));
        await using (var db = factory.Database.CreateContext())
        {
            Assert.False(await db.Set<DiaryStudyParticipation>().AnyAsync(p => p.OwnerId == person.Id));
            Assert.True(await db.Set<DiaryMoment>().AnyAsync(m => m.Id == moments[0].Id && m.AnsweredAt != null));
            Assert.True(await db.Set<DiaryExtraAnswer>().AnyAsync(a => a.OwnerId == person.Id));
            Assert.NotNull((await db.Set<PersonalDiary>().SingleAsync(d => d.OwnerId == person.Id)).StoppedAt);
        }
        Assert.DoesNotContain("data-testid=\"study-joined\"", await client.GetStringAsync("/mijn/dagboek"), StringComparison.Ordinal);

        // Erasure removes the extra answers and study links too.
        await PostFormAsync(client, "/mijn/dagboek", "Join", new() { ["studyId"] = "ontspanning-2027", ["consent"] = "true" });
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Gem.Core.Plan.PersonalData>().EraseAsync(person.Id);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.False(await db.Set<DiaryExtraAnswer>().AnyAsync(a => a.OwnerId == person.Id));
            Assert.False(await db.Set<DiaryStudyParticipation>().AnyAsync(p => p.OwnerId == person.Id));
            Assert.False(await db.Set<DiaryMoment>().AnyAsync(m => m.OwnerId == person.Id));
        }
    }

    /// <summary>
    /// Twelve persons opted in and three who keep their own diary: the export from the database is exactly
    /// <see cref="DiaryStudyExport"/> over the twelve's moments (the three never count), small categories show "&lt; 10".
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ExportFromTheDatabase_EqualsTheComputation_OnlyOptedIn_SmallNumbersHidden_Logged(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        await LoadAsync(factory);
        var planned = new DateTimeOffset(2026, 6, 8, 8, 0, 0, TimeSpan.Zero);
        var inStudy = await DiaryWorld.SeedAsync(factory.Database, 12, planned, null, null, "s");
        var outside = await DiaryWorld.SeedAsync(factory.Database, 3, planned, null, null, "o");
        var expected = new List<StudyAnswer>();
        await using (var db = factory.Database.CreateContext())
        {
            foreach (var (m, i) in inStudy.Select((m, i) => (m, i)))
            {
                db.Add(new DiaryStudyParticipation { StudyId = "ontspanning-2027", OwnerId = m.OwnerId, DiaryId = m.DiaryId, JoinedAt = planned.AddHours(-1) });
                var company = i < 3 ? DiaryCompany.Alone : DiaryCompany.Friends;
                await db.Set<DiaryMoment>().Where(x => x.Id == m.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AnsweredAt, planned.AddMinutes(2))
                    .SetProperty(x => x.Cheerful, 4 + i % 3).SetProperty(x => x.Relaxed, 3 + i % 4).SetProperty(x => x.Place, DiaryPlace.Home).SetProperty(x => x.Company, company));
                db.Add(new DiaryExtraAnswer { MomentId = m.Id, ItemId = "pain", OwnerId = m.OwnerId, Value = 1 + i % 5 });
                expected.Add(new StudyAnswer(m.OwnerId, planned, company, DiaryPlace.Home, null,
                    new Dictionary<string, int> { ["cheerful"] = 4 + i % 3, ["relaxed"] = 3 + i % 4, ["pain"] = 1 + i % 5 }));
            }
            foreach (var m in outside)
                await db.Set<DiaryMoment>().Where(x => x.Id == m.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AnsweredAt, planned.AddMinutes(2))
                    .SetProperty(x => x.Cheerful, 1).SetProperty(x => x.Relaxed, 1).SetProperty(x => x.Place, DiaryPlace.Home).SetProperty(x => x.Company, DiaryCompany.Friends));
            await db.SaveChangesAsync();
        }
        var protocol = DiaryStudyProtocols.Parse(Protocol).Protocol!;
        var rows = DiaryStudyExport.Compute(protocol, expected, DiaryStudies.Rules);

        var coordinator = await factory.CreateUserAsync(Roles.Coordinator);
        var staff = await factory.SignedInClientAsync(coordinator);
        var csv = await PostFormAsync(staff, "/dashboard/dagboek-onderzoek", "Export", new() { ["studyId"] = "ontspanning-2027", ["format"] = "csv" });
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal(DiaryStudyExport.Csv(rows), text);
        Assert.Contains("relaxed,all,all,10,10,", text, StringComparison.Ordinal); // 12 persons rounded to 5; the three outside would make 15
        Assert.Contains("relaxed,company,Alone,< 10,< 10,< 10,,", text, StringComparison.Ordinal);
        var json = await PostFormAsync(staff, "/dashboard/dagboek-onderzoek", "Export", new() { ["studyId"] = "ontspanning-2027", ["format"] = "json" });
        Assert.Equal(DiaryStudyExport.Json(protocol, rows), await json.Content.ReadAsStringAsync());
        foreach (var m in inStudy.Concat(outside))
            Assert.DoesNotContain(m.OwnerId.ToString(), text + await json.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2026-06-08", text, StringComparison.Ordinal);

        // Every export is logged (who, when, which study) and shown on the staff page.
        await using (var db = factory.Database.CreateContext())
        {
            var log = await db.Set<DiaryStudyExportLog>().ToListAsync();
            Assert.Equal(2, log.Count);
            Assert.All(log, l => Assert.Equal(("ontspanning-2027", coordinator.Id), (l.StudyId, l.ByUserId!.Value)));
            Assert.Equal(["csv", "json"], log.Select(l => l.Format).Order(StringComparer.Ordinal));
        }
        var page = await staff.GetStringAsync("/dashboard/dagboek-onderzoek");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(page, "data-testid=\"study-export-log\""));
        Assert.Contains(coordinator.Email!, page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"study-participants\">10<", page, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StaffPage_OnlyCoordinatorsAndAdmins_CloseEndsJoining(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        await LoadAsync(factory);
        Guid partnerId;
        await using (var db = factory.Database.CreateContext())
        {
            var region = new Gem.Core.Atlas.Region { Name = "Testregio" };
            db.Add(region);
            var partner = new Gem.Core.Atlas.Partner { Name = "Testpartner", RegionId = region.Id, Sector = Gem.Core.Atlas.Sector.SociaalDomein };
            db.Add(partner);
            await db.SaveChangesAsync();
            partnerId = partner.Id;
        }
        var citizen = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Citizen));
        var partnerStaff = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.PartnerStaff, partnerId));
        foreach (var denied in new[] { citizen, partnerStaff })
        {
            var get = await denied.GetAsync("/dashboard/dagboek-onderzoek");
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.Contains("/Account/Denied", get.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        using var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/dashboard/dagboek-onderzoek")).StatusCode);
        await using (var db = factory.Database.CreateContext()) Assert.False(await db.Set<DiaryStudyExportLog>().AnyAsync());

        var admin = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.Admin));
        var page = await admin.GetStringAsync("/dashboard/dagboek-onderzoek");
        Assert.Contains("data-testid=\"staff-study-ontspanning-2027\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"study-close\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, "/dashboard/dagboek-onderzoek", "Close", new() { ["studyId"] = "ontspanning-2027" })).StatusCode);
        page = await admin.GetStringAsync("/dashboard/dagboek-onderzoek");
        Assert.DoesNotContain("data-testid=\"study-close\"", page, StringComparison.Ordinal);
        Assert.Contains("Gesloten op", page, StringComparison.Ordinal);

        // Closed: not offered on /mijn/dagboek, and a join sent anyway changes nothing.
        Assert.DoesNotContain("study-ontspanning-2027", await citizen.GetStringAsync("/mijn/dagboek"), StringComparison.Ordinal);
        var late = await PostFormAsync(citizen, "/mijn/dagboek", "Join", new() { ["studyId"] = "ontspanning-2027", ["consent"] = "true" });
        Assert.Contains("data-testid=\"diary-error\"", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = factory.Database.CreateContext()) Assert.False(await db.Set<DiaryStudyParticipation>().AnyAsync());
    }
}
