using System.Net;
using System.Net.Http.Json;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Groups;

/// <summary>
/// Issue 13 item 8, "staff can do a week's work": yesterday's session reachable for attendance, a weekly series with a
/// date left out in one form, remove and call off only after a question that says what happens to the people enrolled,
/// confirmations after saving, Dutch messages. Both providers.
/// </summary>
public sealed class StaffWeekTests
{
    private static async Task<FormUrlEncodedContent> FormAsync(HttpClient client, string page, Dictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page) };
        return new FormUrlEncodedContent(values);
    }

    /// <summary>Posts a form and, like a browser, follows the redirect that a saved form answers with (signed-in clients do not follow by themselves).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, HttpContent form)
    {
        var response = await client.PostAsync(url, form);
        return response.StatusCode == HttpStatusCode.Redirect ? await client.GetAsync(response.Headers.Location) : response;
    }

    private static async Task<(Offer Offer, HttpClient Staff)> OfferAndStaffAsync(GemWebFactory factory, FlowPolicy policy = FlowPolicy.Open)
    {
        await using var db = factory.Database.CreateContext();
        var offer = await db.Offers.Where(o => o.FlowPolicy == policy && o.Format == OfferFormat.Group && o.Capacity != null).OrderBy(o => o.Name).FirstAsync();
        var staff = await factory.SignedInClientAsync(await factory.CreateUserAsync(Roles.PartnerStaff, offer.PartnerId));
        return (offer, staff);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MyGroups_ShowsYesterdaysSession_AndItsAttendanceCanBeRecorded(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var (offer, staff) = await OfferAndStaffAsync(factory);
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        var past = new Session { OfferId = offer.Id, Start = yesterday, End = yesterday.AddHours(2), SeatsTaken = 1 };
        var older = new Session { OfferId = offer.Id, Start = yesterday.AddDays(-10), End = yesterday.AddDays(-10).AddHours(2) };
        await using (var db = factory.Database.CreateContext())
        {
            db.Sessions.AddRange(past, older);
            db.Enrolments.Add(new Enrolment { OfferId = offer.Id, SessionId = past.Id, Name = "Kim", Phone = "0612345678", CreatedAt = yesterday.AddDays(-2) });
            await db.SaveChangesAsync();
        }

        var html = await staff.GetStringAsync("/partner/groups");
        Assert.Contains($"/partner/groups/sessions/{past.Id}", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"record-attendance\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(older.Id.ToString(), html, StringComparison.Ordinal);
        // Earlier weeks are a link away.
        var from = LocalTime.Day(older.Start).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(older.Id.ToString(), await staff.GetStringAsync("/partner/groups?from=" + from), StringComparison.Ordinal);

        var page = $"/partner/groups/sessions/{past.Id}";
        await using var read = factory.Database.CreateContext();
        var kim = await read.Enrolments.SingleAsync(e => e.SessionId == past.Id);
        var saved = await PostAsync(staff, page + "?handler=Attendance", await FormAsync(staff, page, new() { [$"Marks[{kim.Id}]"] = "Present" }));
        Assert.Contains("data-testid=\"attendance-saved\"", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SessionsPage_WeeklySeriesWithOneDateLeftOut_AddsEachSessionAndSaysSo(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var (offer, staff) = await OfferAndStaffAsync(factory);
        var page = $"/partner/offers/{offer.Id}/sessions";
        var firstDay = LocalTime.Day(DateTimeOffset.UtcNow).AddDays(3);
        var skipped = firstDay.AddDays(14);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await PostAsync(staff, page + "?handler=Add", await FormAsync(staff, page, new()
        {
            ["Start"] = Iso(firstDay) + "T19:00", ["End"] = Iso(firstDay) + "T21:00", ["Repeat"] = "Weekly",
            ["Until"] = Iso(firstDay.AddDays(56)), ["Except"] = skipped.ToString("d-M-yyyy", System.Globalization.CultureInfo.InvariantCulture),
        }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"sessions-added\"", html, StringComparison.Ordinal);
        Assert.Contains("8 bijeenkomst(en) toegevoegd", html, StringComparison.Ordinal);
        await using var db = factory.Database.CreateContext();
        var from = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var added = (await db.Sessions.Where(s => s.OfferId == offer.Id && s.Start >= from).ToListAsync())
            .Where(s => TimeZoneInfo.ConvertTime(s.Start, LocalTime.Zone).TimeOfDay == TimeSpan.FromHours(19)).OrderBy(s => s.Start).ToList();
        Assert.Equal(8, added.Count);
        Assert.DoesNotContain(added, s => LocalTime.Day(s.Start) == skipped);
        Assert.All(added, s => Assert.Equal(TimeSpan.FromHours(2), s.End - s.Start));
        Assert.Equal(firstDay.AddDays(56), LocalTime.Day(added[^1].Start));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SessionsPage_InDutch_EndBeforeStartAndAttendanceTooEarly(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var (offer, staff) = await OfferAndStaffAsync(factory);
        var page = $"/partner/offers/{offer.Id}/sessions";
        var day = LocalTime.Day(DateTimeOffset.UtcNow).AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await PostAsync(staff, page + "?handler=Add", await FormAsync(staff, page, new() { ["Start"] = day + "T19:00", ["End"] = day + "T18:00", ["Repeat"] = "Once" }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Een bijeenkomst eindigt na het begin.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("A session ends after it starts.", html, StringComparison.Ordinal);

        await using var db = factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var coming = await db.Sessions.Where(s => s.OfferId == offer.Id && s.Start > now.AddDays(1)).OrderBy(s => s.Start).FirstAsync();
        var client = factory.CreateClient();
        var enrolled = await client.PostAsJsonAsync($"/api/groups/sessions/{coming.Id}/enrolments", new EnrolmentRequest("Kim", "kim@test.example", null));
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var kim = await db.Enrolments.SingleAsync(e => e.SessionId == coming.Id && e.Email == "kim@test.example");
        var sessionPage = $"/partner/groups/sessions/{coming.Id}";
        var early = await PostAsync(staff, sessionPage + "?handler=Attendance", await FormAsync(staff, sessionPage, new() { [$"Marks[{kim.Id}]"] = "Present" }));
        var earlyHtml = await early.Content.ReadAsStringAsync();
        Assert.Contains("Aanwezigheid vul je in als de bijeenkomst begonnen is.", earlyHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Attendance is recorded once the session has started.", earlyHtml, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RemoveSession_AsksFirst_SaysWhatHappensToThoseEnrolled_ThenCallsOffOrDeletes(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var (offer, staff) = await OfferAndStaffAsync(factory);
        var page = $"/partner/offers/{offer.Id}/sessions";
        await using var db = factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var sessions = await db.Sessions.Where(s => s.OfferId == offer.Id && s.Start > now.AddDays(1)).OrderBy(s => s.Start).Take(2).ToListAsync();
        var (full, empty) = (sessions[0], sessions[1]);
        var enrolled = await factory.CreateClient().PostAsJsonAsync($"/api/groups/sessions/{full.Id}/enrolments", new EnrolmentRequest("Kim", null, "0612345678"));
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var list = await staff.GetStringAsync(page);
        Assert.Contains($"?confirm={full.Id}", list, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Delete", list, StringComparison.Ordinal); // no one-click remove from the list

        var ask = await staff.GetStringAsync($"{page}?confirm={full.Id}");
        Assert.Contains("data-testid=\"confirm-people\"", ask, StringComparison.Ordinal);
        Assert.Contains("1 mens(en) hebben deze bijeenkomst in hun agenda", ask, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm-cancel\"", ask, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-delete\"", ask, StringComparison.Ordinal);
        var cancelled = await PostAsync(staff, $"{page}?handler=Cancel&sessionId={full.Id}", await FormAsync(staff, page));
        Assert.Contains("1 mens(en) kregen een bericht", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var askEmpty = await staff.GetStringAsync($"{page}?confirm={empty.Id}");
        Assert.Contains("data-testid=\"confirm-nobody\"", askEmpty, StringComparison.Ordinal);
        var removed = await PostAsync(staff, $"{page}?handler=Delete&sessionId={empty.Id}", await FormAsync(staff, page));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("data-testid=\"session-removed\"", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check = factory.Database.CreateContext();
        Assert.False(await check.Sessions.AnyAsync(s => s.Id == empty.Id));
        Assert.NotNull((await check.Sessions.SingleAsync(s => s.Id == full.Id)).CancelledAt);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RemoveOffer_WithEnrolments_AsksThenArchives_AndSaysHowManyWereTold(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var (offer, staff) = await OfferAndStaffAsync(factory);
        await using var db = factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var session = await db.Sessions.Where(s => s.OfferId == offer.Id && s.Start > now.AddDays(1)).OrderBy(s => s.Start).FirstAsync();
        await factory.CreateClient().PostAsJsonAsync($"/api/groups/sessions/{session.Id}/enrolments", new EnrolmentRequest("Kim", "kim@test.example", null));
        var page = $"/partner/offers/{offer.Id}/remove";

        Assert.Contains($"href=\"{page}\"", await staff.GetStringAsync("/partner"), StringComparison.Ordinal);
        var ask = await staff.GetStringAsync(page);
        Assert.Contains("data-testid=\"remove-people\"", ask, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"confirm-archive\"", ask, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-delete-offer\"", ask, StringComparison.Ordinal);

        var archived = await PostAsync(staff, page + "?handler=Archive", await FormAsync(staff, page));
        Assert.Equal(HttpStatusCode.OK, archived.StatusCode);
        var html = await archived.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"offer-archived\"", html, StringComparison.Ordinal);
        Assert.Contains("1 mens(en) kregen een bericht", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/atlas/offers/{offer.Id}")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EditOffer_Saving_ShowsAConfirmation(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var (offer, staff) = await OfferAndStaffAsync(factory);
        var page = $"/partner/offers/{offer.Id}/edit";

        var response = await PostAsync(staff, page, await FormAsync(staff, page, new()
        {
            ["Form.Name"] = offer.Name + " (nieuw)", ["Form.Description"] = offer.Description, ["Form.Format"] = offer.Format.ToString(),
            ["Form.LifeDomains"] = offer.LifeDomains.Each().First().ToString(), ["Form.Capacity"] = "12", ["Form.FlowPolicy"] = offer.FlowPolicy.ToString(),
            ["Form.Funding"] = "Free", ["Form.Access"] = "NoReferral", ["Form.IsOnline"] = "false", ["Form.Address"] = offer.Address ?? "Markt 1",
            ["Form.Pc4"] = offer.Pc4 ?? "3841", ["Form.City"] = offer.City ?? "Harderwijk", ["Form.Languages"] = "nl",
        }));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"offer-saved\"", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(offer.Name + " (nieuw)"), html, StringComparison.Ordinal);
    }
}
