using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gem.Core.Atlas;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Gem.Web.Tests.Interop;

/// <summary>
/// Mailed calendars are iTIP messages mail programs take as such: METHOD:PUBLISH on enrolment, METHOD:CANCEL (same UID,
/// higher SEQUENCE) when the person cancels or staff call a session off, the MIME type naming the same method. Three
/// parsers nobody on the project wrote read every attachment: python3-icalendar, ical.js and node-ical.
/// Also: a DELETE of a session or offer with enrolments is a 409 that says what to do, never a 500.
/// </summary>
[SqliteOnly("iCalendar text of an invite; no query of its own")]
public sealed class CalendarInviteTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private GemWebFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(Guid Session, string Token)> EnrolAsync(Guid sessionId, string name)
    {
        var response = await _client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new { name, email = $"{name.ToLowerInvariant()}@test.gem.example" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (sessionId, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["token"]!);
    }

    /// <summary>The calendar part of each mail to this address: its MIME method parameter and its text.</summary>
    private async Task<List<(string File, string? MimeMethod, string? Charset, string Ics)>> CalendarsForAsync(string name)
    {
        var result = new List<(string, string?, string?, string)>();
        await _factory.DeliverMailAsync(); // the outbox hands queued mail to the pickup folder (decision 601)
        foreach (var file in Directory.GetFiles(_factory.MailFolder, "*.eml").Order())
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Single().Address != $"{name.ToLowerInvariant()}@test.gem.example") continue;
            var part = message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
            using var stream = new MemoryStream();
            await part.Content!.DecodeToAsync(stream);
            var ics = Path.Combine(_factory.MailFolder, Path.GetFileNameWithoutExtension(file) + ".ics");
            await File.WriteAllBytesAsync(ics, stream.ToArray());
            result.Add((ics, part.ContentType.Parameters["method"], part.ContentType.Charset, System.Text.Encoding.UTF8.GetString(stream.ToArray())));
        }
        return result;
    }

    [Fact]
    public async Task Invitations_PublishThenCancel_AcceptedByThreeParsers()
    {
        await using var db = _factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var open = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.FlowPolicy == FlowPolicy.Open && s.Offer.Capacity != null && s.Start > now.AddDays(1))
            .OrderBy(s => s.Start).FirstAsync();
        var (_, token) = await EnrolAsync(open.Id, "Noor");
        // The confirmation goes out before she cancels (the outbox skips a confirmation whose enrolment is already cancelled).
        await _factory.DeliverMailAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync($"/api/groups/enrolments/{token}/cancel", null)).StatusCode);

        // Staff call off a session someone else is coming to.
        var other = await db.Sessions.Where(s => s.OfferId == open.OfferId && s.Start > open.Start).OrderBy(s => s.Start).FirstAsync();
        await EnrolAsync(other.Id, "Bram");
        await _factory.DeliverMailAsync();
        var admin = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Admin));
        var cancelled = await admin.PostAsync($"/api/atlas/sessions/{other.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(1, (int)JsonNode.Parse(await cancelled.Content.ReadAsStringAsync())!["informed"]!);

        var noor = await CalendarsForAsync("Noor");
        var bram = await CalendarsForAsync("Bram");
        Assert.Equal(new[] { "CANCEL", "PUBLISH" }, noor.Select(c => c.MimeMethod!).Order());
        Assert.Equal(2, bram.Count);
        foreach (var (_, method, charset, ics) in noor.Concat(bram))
        {
            Assert.Equal("utf-8", charset);
            Assert.Contains($"METHOD:{method}\r\n", ics, StringComparison.Ordinal);
        }

        var files = noor.Concat(bram).Select(c => c.File).ToArray();
        var lines = OutsideCheck.JsonLines(await OutsideCheck.RunAsync("/usr/bin/python3", ["check_ics.py", .. files]))
            .Concat(OutsideCheck.JsonLines(await OutsideCheck.RunAsync("node", ["check-ics.mjs", .. files]))).ToList();
        output.WriteLine($"{files.Length} mailed calendars × 3 parsers: {lines.Count(l => l["error"] is null)} parsed, {lines.Count(l => l["error"] is not null)} errors");
        Assert.Equal(files.Length * 3, lines.Count);
        foreach (var (file, method, _, _) in noor.Concat(bram))
        {
            var parsed = lines.Where(l => (string)l["file"]! == file).ToList();
            Assert.Equal(new[] { "ical.js", "node-ical", "python-icalendar" }, parsed.Select(l => (string)l["parser"]!).Order());
            foreach (var p in parsed)
            {
                Assert.Equal(method, (string?)p["method"]);
                var e = Assert.Single(p["events"]!.AsArray())!;
                Assert.EndsWith("@gem", (string)e["uid"]!, StringComparison.Ordinal);
                Assert.Equal(method == "CANCEL" ? 1 : 0, (int)e["sequence"]!);
                if (method == "CANCEL") Assert.Equal("CANCELLED", (string)e["status"]!);
            }
        }
        // The cancellation names the same event as the invitation.
        Assert.Equal(Uid(noor[0].Ics), Uid(noor[1].Ics));
        Assert.Equal(Uid(bram[0].Ics), Uid(bram[1].Ics));
    }

    private static string Uid(string ics) => ics.Split("\r\n").Single(l => l.StartsWith("UID:", StringComparison.Ordinal));

    [Fact]
    public async Task Delete_SessionOrOfferWithEnrolments_Is409WithWhatToDo_AndCancelledSessionsStayOutOfEnrolment()
    {
        await using var db = _factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var session = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.FlowPolicy == FlowPolicy.Open && s.Offer.Capacity != null && s.Start > now.AddDays(1))
            .OrderBy(s => s.Start).FirstAsync();
        var (_, token) = await EnrolAsync(session.Id, "Kim");
        Assert.Equal(HttpStatusCode.NoContent, (await _client.PostAsync($"/api/groups/enrolments/{token}/cancel", null)).StatusCode);
        var admin = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.Admin));

        // Even a cancelled enrolment keeps the session: 409 with the request that calls it off instead.
        var deleteSession = await admin.DeleteAsync($"/api/atlas/sessions/{session.Id}");
        Assert.Equal(HttpStatusCode.Conflict, deleteSession.StatusCode);
        var problem = JsonNode.Parse(await deleteSession.Content.ReadAsStringAsync())!;
        Assert.Equal($"/api/atlas/sessions/{session.Id}/cancel", (string)problem["action"]!);
        Assert.Contains("cancel", (string)problem["detail"]!, StringComparison.Ordinal);

        var deleteOffer = await admin.DeleteAsync($"/api/atlas/offers/{session.OfferId}");
        Assert.Equal(HttpStatusCode.Conflict, deleteOffer.StatusCode);
        Assert.Equal($"/api/atlas/offers/{session.OfferId}/archive", (string)JsonNode.Parse(await deleteOffer.Content.ReadAsStringAsync())!["action"]!);

        // Calling it off works; the session then takes no enrolments.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/atlas/sessions/{session.Id}/cancel", null)).StatusCode);
        var late = await _client.PostAsJsonAsync($"/api/groups/sessions/{session.Id}/enrolments", new { name = "Laat", email = "laat@test.gem.example" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);

        // Archiving takes the offer out of the atlas; HSDS keeps it as defunct.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/atlas/offers/{session.OfferId}/archive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/atlas/offers/{session.OfferId}")).StatusCode);
        Assert.Equal("defunct", (string)JsonNode.Parse(await _client.GetStringAsync($"/api/hsds/services/{session.OfferId}"))!["status"]!);

        // An offer nobody enrolled for is deleted (204) and leaves only the HSDS tombstone.
        var unused = await db.Offers.Where(o => !db.Enrolments.Any(e => e.OfferId == o.Id)).OrderBy(o => o.Name).FirstAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/atlas/offers/{unused.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/atlas/offers/{unused.Id}")).StatusCode);
    }

    [Fact]
    public async Task StaffPage_DeleteWithEnrolments_ShowsReadableMessageAndCancelButton()
    {
        await using var db = _factory.Database.CreateContext();
        var now = DateTimeOffset.UtcNow;
        var session = await db.Sessions.Include(s => s.Offer).Where(s => s.Offer!.FlowPolicy == FlowPolicy.Open && s.Offer.Capacity != null && s.Start > now.AddDays(1))
            .OrderBy(s => s.Start).FirstAsync();
        await EnrolAsync(session.Id, "Lot");
        var staff = await _factory.SignedInClientAsync(await _factory.CreateUserAsync(Roles.PartnerStaff, session.Offer!.PartnerId));
        var page = $"/partner/offers/{session.OfferId}/sessions";
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(staff, page) });

        var response = await staff.PostAsync($"{page}?handler=Delete&sessionId={session.Id}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"delete-refused\"", html, StringComparison.Ordinal);
        Assert.Contains("Afzeggen", html, StringComparison.Ordinal);
        Assert.True(await db.Sessions.AnyAsync(s => s.Id == session.Id));
    }
}
