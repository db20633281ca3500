using System.Net;
using System.Net.Http.Json;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Gem.Web.Tests.Groups;

/// <summary>Enrol, pause and return, cancel, attendance and calendars through the HTTP API.</summary>
[SqliteOnly("the enrolment pages; seat rules and concurrent enrolment run on both in EnrolmentConcurrencyTests and EnrolOfferPageTests")]
public sealed class EnrolmentFlowTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<EnrolmentView> EnrolAsync(Guid sessionId, string name = "Sam", string? email = "sam@test.example")
    {
        var response = await _client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest(name, email, email is null ? "0612345678" : null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EnrolmentView>(Atlas.AtlasApiTests.Json))!;
    }

    public sealed record EnrolmentView(Guid Id, Guid OfferId, string OfferName, Guid SessionId, DateTimeOffset Start, FlowPolicy FlowPolicy, EnrolmentStatus Status, string Token);

    [Fact]
    public async Task Enrol_SendsAConfirmationMailWithAValidIcs()
    {
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Rolling, 10);
        var view = await EnrolAsync(sessionId);

        await _factory.DeliverMailAsync();
        var file = Assert.Single(Directory.GetFiles(_factory.MailFolder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("sam@test.example", message.To.Mailboxes.Single().Address);
        Assert.Contains(view.Token, message.TextBody, StringComparison.Ordinal);
        var ics = message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var stream = new MemoryStream();
        await ics.Content!.DecodeToAsync(stream);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(stream.ToArray()))!;
        Assert.Equal(view.Start.UtcDateTime, Assert.Single(calendar.Events).DtStart!.AsUtc);
    }

    [Fact]
    public async Task PauseAndResume_RollingGroup_KeepsThePlace()
    {
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Rolling, 1);
        var view = await EnrolAsync(sessionId);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync($"/api/groups/enrolments/{view.Token}/pause", null)).StatusCode);
        var other = await _client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest("Kim", "kim@test.example", null));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode); // the paused place is still Sam's
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync($"/api/groups/enrolments/{view.Token}/resume", null)).StatusCode);

        var status = await _client.GetFromJsonAsync<EnrolmentView>($"/api/groups/enrolments/{view.Token}", Atlas.AtlasApiTests.Json);
        Assert.Equal(EnrolmentStatus.Active, status!.Status);
    }

    [Fact]
    public async Task Cancel_FreesTheSeatAtOnce()
    {
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Open, 1);
        var view = await EnrolAsync(sessionId);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest("Kim", "kim@test.example", null))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync($"/api/groups/enrolments/{view.Token}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync($"/api/groups/enrolments/{view.Token}/cancel", null)).StatusCode);

        await EnrolAsync(sessionId, "Kim", "kim@test.example");
        await using var db = _factory.Database.CreateContext();
        Assert.Equal(1, (await db.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
    }

    [Fact]
    public async Task Enrol_CohortCourse_OnlyAtTheStartOfAGroup()
    {
        await using var db = _factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var sessions = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.FlowPolicy == FlowPolicy.Cohort).ToListAsync();
        var course = sessions.Where(s => s.IsCohortStart && s.Start > now).GroupBy(s => s.OfferId)
            .First(g => sessions.Any(x => x.OfferId == g.Key && !x.IsCohortStart && x.Start > now));
        var start = course.OrderBy(s => s.Start).First();
        var later = sessions.Where(s => s.OfferId == course.Key && !s.IsCohortStart && s.Start > now).OrderBy(s => s.Start).First();

        var refused = await _client.PostAsJsonAsync($"/api/groups/sessions/{later.Id}/enrolments", new EnrolmentRequest("Sam", "sam@test.example", null));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("\"SessionId\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await EnrolAsync(start.Id);
    }

    [Fact]
    public async Task Pause_OpenGroup_IsRefusedWithAReason()
    {
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Open, 5);
        var view = await EnrolAsync(sessionId);
        var response = await _client.PostAsync($"/api/groups/enrolments/{view.Token}/pause", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("", "a@b.nl", null, "Name")]
    [InlineData("Sam", null, null, "Email")]
    [InlineData("Sam", "geen-adres", null, "Email")]
    [InlineData("Sam", null, "12", "Phone")]
    public async Task Enrol_BadInput_Answers400AndTakesNoSeat(string name, string? email, string? phone, string field)
    {
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Open, 5);
        var response = await _client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest(name, email, phone));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _factory.Database.CreateContext();
        Assert.Equal(0, (await db.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
        Assert.False(await db.Enrolments.AnyAsync(e => e.SessionId == sessionId));
    }

    [Fact]
    public async Task Enrol_FrontDoorVisitAfterToday_Answers400AndTakesNoSeat()
    {
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Open, 5);
        var tomorrow = LocalTime.Day(DateTimeOffset.UtcNow).AddDays(1);
        var response = await _client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest("Sam", "sam@test.example", null, FrontDoorVisit: tomorrow));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"FrontDoorVisit\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _factory.Database.CreateContext();
        Assert.Equal(0, (await db.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);
    }

    [Fact]
    public async Task Calendars_OfferFeedAndPersonalFeed_ParseWithIcalNet()
    {
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Rolling, 5);
        var view = await EnrolAsync(sessionId);

        var feed = Calendar.Load(await _client.GetStringAsync($"/calendar/offers/{view.OfferId}.ics"))!;
        var mine = Calendar.Load(await _client.GetStringAsync($"/calendar/me/{view.Token}.ics"))!;
        var single = Calendar.Load(await _client.GetStringAsync($"/calendar/sessions/{sessionId}.ics"))!;

        Assert.True(feed.Events.Count > 1);
        Assert.NotEmpty(mine.Events);
        Assert.All(mine.Events, e => Assert.True(e.DtStart!.AsUtc >= view.Start.UtcDateTime));
        Assert.Equal(view.OfferName, Assert.Single(single.Events).Summary);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/calendar/me/not-a-token.ics")).StatusCode);
    }

    [Fact]
    public async Task Attendance_StaffOfTheOrganisationRecordsIt_OthersCannotSeeWhoComes()
    {
        await using var db = _factory.Database.CreateContext();
        var past = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.FlowPolicy == FlowPolicy.Open).OrderBy(s => s.Start).FirstAsync();
        // Move one session into the past so attendance can be recorded, and enrol someone directly for it.
        past.Start = DateTimeOffset.UtcNow.AddHours(-2);
        past.End = DateTimeOffset.UtcNow.AddMinutes(-1).AddHours(1);
        await db.SaveChangesAsync();
        var view = await EnrolAsync(past.Id, "Noor", "noor@test.example");

        var own = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.PartnerStaff, past.Offer!.PartnerId));
        var other = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.PartnerStaff, await db.Partners.Where(p => p.Id != past.Offer.PartnerId).Select(p => p.Id).FirstAsync()));

        var attendees = await own.GetFromJsonAsync<List<Attendee>>($"/api/groups/sessions/{past.Id}/attendees", Atlas.AtlasApiTests.Json);
        Assert.Equal("Noor", Assert.Single(attendees!).Name);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/groups/sessions/{past.Id}/attendees")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/groups/sessions/{past.Id}/attendance", new[] { new AttendanceInput(view.Id, AttendanceMark.Present) }, Atlas.AtlasApiTests.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await own.PutAsJsonAsync($"/api/groups/sessions/{past.Id}/attendance", new[] { new AttendanceInput(view.Id, AttendanceMark.Present) }, Atlas.AtlasApiTests.Json)).StatusCode);

        await using var read = _factory.Database.CreateContext();
        Assert.Equal(AttendanceMark.Present, (await read.Attendances.SingleAsync(a => a.EnrolmentId == view.Id)).Mark);
    }
}
