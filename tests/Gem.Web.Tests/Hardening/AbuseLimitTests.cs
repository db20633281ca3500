using System.Net;
using System.Net.Http.Json;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Gem.Web.Tests.Hardening;

/// <summary>
/// Issue 12 finding 2: anonymous and cheap writes are limited per client address and per target, answer 429 with
/// Retry-After, keep one seat watch per address per session and one active enrolment per contact per session, and
/// no typed name writes its own lines into a mail.
/// </summary>
public sealed class AbuseLimitTests
{
    private const string Victim = "slachtoffer@test.gem.example";

    /// <summary>A host with the production limits (scale 1).</summary>
    private static async Task<GemWebFactory> HostAsync(DatabaseProvider provider)
    {
        var factory = new GemWebFactory(await TestDatabase.CreateAsync(provider, migrate: false));
        factory.Settings["Gem:RateLimits:Scale"] = "1";
        _ = factory.Services;
        return factory;
    }

    /// <summary>Five future sessions of open groups, each with 40 free seats.</summary>
    private static async Task<List<Guid>> FiveSessionsAsync(GemWebFactory factory)
    {
        await using var db = factory.Database.CreateContext();
        var soon = DateTimeOffset.UtcNow.AddDays(1);
        var sessions = await db.Sessions.Include(s => s.Offer)
            .Where(s => s.Offer!.FlowPolicy == FlowPolicy.Open && s.Offer.Format == OfferFormat.Group && s.Start > soon)
            .OrderBy(s => s.Id).Take(5).ToListAsync();
        Assert.Equal(5, sessions.Count);
        foreach (var s in sessions)
        {
            s.Seats = 40;
            s.SeatsTaken = 0;
        }
        await db.SaveChangesAsync();
        return sessions.Select(s => s.Id).ToList();
    }

    private static int MailsTo(GemWebFactory factory, string address, string pattern = "*.eml") =>
        Delivered(factory, pattern).Count(f => File.ReadAllText(f).Contains(address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The mail files after the outbox has delivered everything queued so far (decision 601).</summary>
    private static string[] Delivered(GemWebFactory factory, string pattern = "*.eml")
    {
        factory.DeliverMail();
        return Directory.GetFiles(factory.MailFolder, pattern);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrol_200FromOneAddressInto5Sessions_VictimMailedAtMost3Times_NoSessionFilled(DatabaseProvider provider)
    {
        await using var factory = await HostAsync(provider);
        var sessions = await FiveSessionsAsync(factory);

        // The attack of the finding: 200 enrolments from one address, all with the victim's e-mail address.
        using var attacker = TestClientAddress.From(factory, "203.0.113.7");
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 200; i++)
            responses.Add(await attacker.PostAsJsonAsync($"/api/groups/sessions/{sessions[i % 5]}/enrolments", new EnrolmentRequest($"Bot {i}", Victim, null)));

        Assert.InRange(responses.Count(r => r.StatusCode == HttpStatusCode.Created), 1, 3);
        Assert.InRange(MailsTo(factory, Victim), 1, 3);
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests) >= 190);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Te vaak geprobeerd", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same from another address with a new contact each time: at most 3 seats per session from one address.
        using var second = TestClientAddress.From(factory, "203.0.113.8");
        for (var i = 0; i < 200; i++)
            await second.PostAsJsonAsync($"/api/groups/sessions/{sessions[i % 5]}/enrolments", new EnrolmentRequest($"Bot {i}", $"bot{i}@test.gem.example", null));

        await using var db = factory.Database.CreateContext();
        var taken = await db.Sessions.Where(s => sessions.Contains(s.Id)).Select(s => s.SeatsTaken).ToListAsync();
        Assert.All(taken, t => Assert.InRange(t, 0, 4));
        Assert.True(taken.Sum() <= 18, string.Join(",", taken));

        // Someone else, from their own address, still gets a seat.
        using var person = TestClientAddress.From(factory, "198.51.100.9");
        var ok = await person.PostAsJsonAsync($"/api/groups/sessions/{sessions[0]}/enrolments", new EnrolmentRequest("Robin", "robin@test.gem.example", null));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [SqliteOnly("the 429 answers; the rate counters run on both in this class and RateCounterBatchTests")]
    [Fact]
    public async Task EnrolPage_OverTheLimit_Answers429PageWithNavigationAndRetryAfter()
    {
        await using var factory = await HostAsync(DatabaseProvider.Sqlite);
        var session = (await FiveSessionsAsync(factory))[0];
        using var client = TestClientAddress.From(factory, "203.0.113.9");
        var page = $"/groups/enrol/{session}";
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
            answers.Add(await PostFormAsync(client, page, page, new() { ["Name"] = $"Kim {i}", ["Email"] = $"kim{i}@test.gem.example" }));

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        var refused = answers[3];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"too-many\"", html, StringComparison.Ordinal);
        Assert.Contains("Te vaak geprobeerd", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/atlas\"", html, StringComparison.Ordinal); // the site's navigation
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeatWatch_30IdenticalRequests_OneWatchOneMail(DatabaseProvider provider)
    {
        await using var factory = await HostAsync(provider);
        var sessionId = await Groups.EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Open, 1);
        await using var scope = factory.Services.CreateAsyncScope();
        var enrolments = scope.ServiceProvider.GetRequiredService<EnrolmentService>();
        var taken = await enrolments.EnrolAsync(sessionId, new EnrolmentRequest("Ada", null, "0612345678"));

        using var client = TestClientAddress.From(factory, "203.0.113.10");
        var page = $"/groups/enrol/{sessionId}";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
            answers.Add((await PostFormAsync(client, page, page + "?handler=Watch", new() { ["WatchEmail"] = i % 2 == 0 ? Victim : Victim.ToUpperInvariant() })).StatusCode);

        Assert.All(answers.Take(5), a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
        await using (var db = factory.Database.CreateContext())
            Assert.Equal(1, await db.SeatWatches.CountAsync(w => w.SessionId == sessionId));

        await enrolments.CancelAsync(taken.Token);
        Assert.Equal(1, MailsTo(factory, Victim, "seat.*.eml"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Database_RefusesASecondOpenWatchAndASecondActiveEnrolmentPerContact(DatabaseProvider provider)
    {
        await using var factory = await HostAsync(provider);
        var sessionId = await Groups.EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Open, 10);
        var offerId = (await factory.Database.CreateContext().Sessions.SingleAsync(s => s.Id == sessionId)).OfferId;
        var now = DateTimeOffset.UtcNow;

        async Task<bool> Refused(Func<GemDbContext, Task> write)
        {
            await using var db = factory.Database.CreateContext();
            await write(db);
            try
            {
                await db.SaveChangesAsync();
                return false;
            }
            catch (DbUpdateException)
            {
                return true;
            }
        }

        Assert.False(await Refused(db => { db.SeatWatches.Add(new SeatWatch { SessionId = sessionId, Email = Victim, CreatedAt = now }); return Task.CompletedTask; }));
        Assert.True(await Refused(db => { db.SeatWatches.Add(new SeatWatch { SessionId = sessionId, Email = Victim, CreatedAt = now }); return Task.CompletedTask; }));
        Enrolment Row(string? email, string? phone, EnrolmentStatus status = EnrolmentStatus.Active) =>
            new() { OfferId = offerId, SessionId = sessionId, Name = "X", Email = email, Phone = phone, Status = status, CreatedAt = now };
        Assert.False(await Refused(db => { db.Enrolments.Add(Row(Victim, null)); return Task.CompletedTask; }));
        Assert.True(await Refused(db => { db.Enrolments.Add(Row(Victim, null, EnrolmentStatus.Paused)); return Task.CompletedTask; }));
        Assert.False(await Refused(db => { db.Enrolments.Add(Row(Victim, null, EnrolmentStatus.Cancelled)); return Task.CompletedTask; }));
        Assert.False(await Refused(db => { db.Enrolments.Add(Row(null, "0612345678")); return Task.CompletedTask; }));
        Assert.True(await Refused(db => { db.Enrolments.Add(Row(null, "0612345678")); return Task.CompletedTask; }));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Enrol_SameContactTwiceInOneSession_SecondIs409_OneSeatOneMail(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var sessionId = await Groups.EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Open, 10);
        using var client = factory.CreateClient();
        var url = $"/api/groups/sessions/{sessionId}/enrolments";

        var first = await client.PostAsJsonAsync(url, new EnrolmentRequest("Kim", "kim@test.gem.example", null));
        var again = await client.PostAsJsonAsync(url, new EnrolmentRequest("Kim", " KIM@test.gem.example ", null));
        var parallel = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => client.PostAsJsonAsync(url, new EnrolmentRequest("Lid " + i, null, "0611111111"))));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, parallel.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(parallel.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, MailsTo(factory, "kim@test.gem.example"));
        await using var db = factory.Database.CreateContext();
        Assert.Equal(2, (await db.Sessions.SingleAsync(s => s.Id == sessionId)).SeatsTaken);

        // After cancelling, the same person can sign up again.
        var token = (await first.Content.ReadFromJsonAsync<Gem.Web.Groups.GroupsApi.EnrolmentView>(Atlas.AtlasApiTests.Json))!.Token;
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/groups/enrolments/{token}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync(url, new EnrolmentRequest("Kim", "kim@test.gem.example", null))).StatusCode);
    }

    [SqliteOnly("the 429 answers; the rate counters run on both in this class and RateCounterBatchTests")]
    [Fact]
    public async Task Invite_50InARow_At10PerAccountPerHour_RestRefused429()
    {
        await using var factory = await HostAsync(DatabaseProvider.Sqlite);
        var citizen = await factory.CreateUserAsync(Roles.Citizen);
        var client = await factory.SignedInClientAsync(citizen);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++)
            answers.Add((await PostFormAsync(client, "/mijn/kring", "/mijn/kring?handler=Invite",
                new() { ["Email"] = $"naaste{i}@test.gem.example", ["Name"] = "Naaste", ["Role"] = "Naaste" })).StatusCode);

        Assert.Equal(10, answers.Count(a => a == HttpStatusCode.Redirect));
        Assert.Equal(40, answers.Count(a => a == HttpStatusCode.TooManyRequests));
        await using var db = factory.Database.CreateContext();
        Assert.Equal(10, await db.ResourceMembers.CountAsync(m => m.OwnerId == citizen.Id));
        Assert.Equal(10, Delivered(factory).Length);
    }

    [SqliteOnly("text cleaning before storage; no provider-specific query")]
    [Fact]
    public async Task Invite_DisplayNameWithLineBreaks_WritesNoLinesOfItsOwnIntoTheMail()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var citizen = await factory.CreateUserAsync(Roles.Citizen);
        await using (var db = factory.Database.CreateContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == citizen.Id);
            user.DisplayName = "Eva\r\n\r\nKlik hier: https://evil.example/\r\nBcc: x@evil.example\u2028Tweede";
            await db.SaveChangesAsync();
        }
        var client = await factory.SignedInClientAsync(citizen);
        var invited = await PostFormAsync(client, "/mijn/kring", "/mijn/kring?handler=Invite",
            new() { ["Email"] = "naaste@test.gem.example", ["Name"] = "An\nna", ["Role"] = "Naaste" });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var mail = await MimeMessage.LoadAsync(Delivered(factory).Single());
        var lines = (mail.TextBody ?? "").Split('\n');
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("Klik hier", StringComparison.Ordinal) || l.StartsWith("Bcc", StringComparison.Ordinal) || l.StartsWith("Tweede", StringComparison.Ordinal));
        Assert.Contains("Eva Klik hier: https://evil.example/ Bcc: x@evil.example Tweede", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", mail.Subject ?? "", StringComparison.Ordinal);
        Assert.Empty(mail.Bcc);
        await using var check = factory.Database.CreateContext();
        Assert.Equal("An na", (await check.ResourceMembers.SingleAsync()).Name);
    }

    [SqliteOnly("text cleaning before storage; no provider-specific query")]
    [Fact]
    public async Task EnrolAndRegister_NamesWithControlCharacters_AreStoredOnOneLine()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var sessionId = await Groups.EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Open, 10);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var enrolled = await client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest("Kim\r\nKlik: evil\t\0", "kim@test.gem.example", null));
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var registered = await PostFormAsync(client, "/mijn/registreren", "/mijn/registreren",
            new() { ["Email"] = "sam@test.gem.example", ["Name"] = "Sam\r\nBcc: evil", ["Password"] = WebTestExtensions.Password });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        await using var db = factory.Database.CreateContext();
        Assert.Equal("Kim Klik: evil", (await db.Enrolments.SingleAsync(e => e.Email == "kim@test.gem.example")).Name);
        Assert.Equal("Sam Bcc: evil", (await db.Users.SingleAsync(u => u.Email == "sam@test.gem.example")).DisplayName);
        var mail = await MimeMessage.LoadAsync(Delivered(factory).Select(f => (f, t: File.ReadAllText(f))).First(x => x.t.Contains("kim@test.gem.example", StringComparison.Ordinal)).f);
        Assert.Contains("Hoi Kim Klik: evil,", mail.TextBody, StringComparison.Ordinal);
    }

    [SqliteOnly("the 429 answers; the rate counters run on both in this class and RateCounterBatchTests")]
    [Fact]
    public async Task MailForms_OneAddressFromManyComputers_At3PerHour()
    {
        await using var factory = await HostAsync(DatabaseProvider.Sqlite);
        var user = await factory.CreateUserAsync(Roles.Citizen);
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var client = TestClientAddress.From(factory, $"198.51.100.{20 + i}");
            answers.Add((await PostFormAsync(client, "/Account/ForgotPassword", "/Account/ForgotPassword", new() { ["Email"] = user.Email! })).StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(3, MailsTo(factory, user.Email!));
    }
}
