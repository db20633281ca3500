using System.Net;
using System.Text.RegularExpressions;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Gem.Web.Tests.Diary;

/// <summary>
/// The diary from the person's side, without JavaScript: start at /mijn/dagboek, a prompt by mail (no browser subscribed),
/// the one-time link's form, answered / late / "niet nu", one reminder, the notice after two silent prompts, and jouw week.
/// </summary>
public sealed partial class DiaryFlowTests
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Answer(string place = "Outside", string company = "Friends", string activity = "Moving") => new()
    {
        ["Cheerful"] = "6", ["Down"] = "2", ["Anxious"] = "2", ["Relaxed"] = "6", ["Irritated"] = "1",
        ["Place"] = place, ["Company"] = company, ["Activity"] = activity, ["RatherElse"] = "false", ["Word"] = "zonnig",
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StartByForm_PromptByMail_AnswerFromTheLinkWithoutScript_LateAndNotNow(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        var person = await factory.CreateUserAsync(Roles.Citizen);
        var client = await factory.SignedInClientAsync(person);

        var page = await client.GetStringAsync("/mijn/dagboek");
        Assert.Contains("data-testid=\"diary-start\"", page, StringComparison.Ordinal);
        var bad = await PostFormAsync(client, "/mijn/dagboek", "Start", new() { ["WakeFrom"] = "09:00", ["WakeUntil"] = "10:00", ["Days"] = "5", ["PerDay"] = "8", ["MinGap"] = "30" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("data-testid=\"diary-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = factory.Database.CreateContext()) Assert.False(await db.Set<PersonalDiary>().AnyAsync(d => d.OwnerId == person.Id));

        var started = await PostFormAsync(client, "/mijn/dagboek", "Start", new() { ["WakeFrom"] = "08:30", ["WakeUntil"] = "22:00", ["Days"] = "5", ["PerDay"] = "8", ["MinGap"] = "30" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        List<DiaryMoment> moments;
        await using (var db = factory.Database.CreateContext()) moments = await db.Set<DiaryMoment>().Where(m => m.OwnerId == person.Id).OrderBy(m => m.PlannedAt).ToListAsync();
        Assert.InRange(moments.Count, 4 * 8, 5 * 8);
        Assert.All(moments, m => Assert.InRange(TimeZoneInfo.ConvertTime(m.PlannedAt, LocalTime.Zone).TimeOfDay, new TimeSpan(8, 30, 0), new TimeSpan(22, 0, 0)));

        // No browser subscribed: the prompt goes by mail through the outbox, queued once.
        var clock = new FakeTimeProvider(moments[0].PlannedAt.AddSeconds(1));
        var pass = await DiaryWorld.Sender(factory, clock).RunOnceAsync();
        Assert.Equal((1, 0, 1), (pass.Sent, pass.Pushed, pass.Mailed));
        await DiaryWorld.DeliverMailAsync(factory, clock);
        var mail = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(factory.MailFolder, "*.eml")));
        Assert.Equal(person.Email, mail.To.Mailboxes.Single().Address);
        var link = LinkPattern().Match(mail.TextBody ?? "").Value;
        Assert.EndsWith("/dagboek/m/" + moments[0].Token, link, StringComparison.Ordinal);

        // The link, in a browser without a session or script.
        var phone = factory.CreateClient(new() { AllowAutoRedirect = false });
        var path = new Uri(link).AbsolutePath;
        var form = await phone.GetStringAsync(path);
        Assert.Contains("data-testid=\"moment-form\"", form, StringComparison.Ordinal);
        Assert.Contains("type=\"range\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", form.Split("<main")[1].Split("</main>")[0], StringComparison.Ordinal);
        var incomplete = await PostFormAsync(phone, path, "Answer", new() { ["Cheerful"] = "5" });
        Assert.Contains("data-testid=\"moment-error\"", await incomplete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var formToken = await WebTestExtensions.AntiforgeryTokenAsync(phone, path);
        var answered = await PostFormAsync(phone, path, "Answer", Answer());
        Assert.Contains("data-testid=\"moment-thanks\"", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The same form sent again (a double tap, or a second device): nothing changes.
        var twice = Answer("Home");
        twice["__RequestVerificationToken"] = formToken;
        var again = await phone.PostAsync(path + "?handler=Answer", new FormUrlEncodedContent(twice));
        Assert.Contains("data-testid=\"moment-done\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Late: the second moment's time has passed; the answer is kept and flagged. "Niet nu" on the third.
        await using (var db = factory.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            await db.Set<DiaryMoment>().Where(m => m.Id == moments[1].Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.PlannedAt, now.AddMinutes(-40)).SetProperty(m => m.ExpiresAt, now.AddMinutes(-25)).SetProperty(m => m.SentAt, now.AddMinutes(-40)));
        }
        var latePage = await phone.GetStringAsync("/dagboek/m/" + moments[1].Token);
        Assert.Contains("data-testid=\"moment-late\"", latePage, StringComparison.Ordinal);
        await PostFormAsync(phone, "/dagboek/m/" + moments[1].Token, "Answer", Answer("Home", "Alone", "Screen"));
        var skipped = await PostFormAsync(phone, "/dagboek/m/" + moments[2].Token, "Skip", []);
        Assert.Contains("data-testid=\"moment-thanks\"", await skipped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync("/dagboek/m/" + new string('a', 32))).StatusCode);

        await using (var db = factory.Database.CreateContext())
        {
            var stored = await db.Set<DiaryMoment>().Where(m => m.OwnerId == person.Id).ToDictionaryAsync(m => m.Id);
            var first = stored[moments[0].Id];
            Assert.NotNull(first.OpenedAt);
            Assert.NotNull(first.AnsweredAt);
            Assert.False(first.Late);
            Assert.Equal((6, 2, DiaryPlace.Outside, DiaryCompany.Friends, DiaryActivity.Moving, "zonnig"), (first.Cheerful!.Value, first.Down!.Value, first.Place!.Value, first.Company!.Value, first.Activity!.Value, first.Word));
            Assert.True(stored[moments[1].Id].Late);
            Assert.NotNull(stored[moments[2].Id].SkippedAt);
            Assert.Null(stored[moments[2].Id].AnsweredAt);
            var figures = DiaryWeek.Compute([.. stored.Values], DateTimeOffset.UtcNow);
            Assert.Equal((2, 1, 1), (figures.Answered, figures.Late, figures.Skipped));
            Assert.Equal(0, figures.Missed); // "niet nu" is not a miss, and the late one was answered
        }

        // The person can change the window (the rest is planned again) and stop.
        var changed = await PostFormAsync(client, "/mijn/dagboek", "Change", new() { ["WakeFrom"] = "10:00", ["WakeUntil"] = "20:00", ["Days"] = "3", ["PerDay"] = "6", ["MinGap"] = "20" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await using (var db = factory.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow.AddMinutes(1);
            var future = await db.Set<DiaryMoment>().Where(m => m.OwnerId == person.Id && m.SentAt == null && m.PlannedAt > now).ToListAsync();
            Assert.All(future, m => Assert.InRange(TimeZoneInfo.ConvertTime(m.PlannedAt, LocalTime.Zone).TimeOfDay, new TimeSpan(10, 0, 0), new TimeSpan(20, 0, 0)));
            Assert.InRange(future.Count, 2 * 6, 3 * 6);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(client, "/mijn/dagboek", "Stop", [])).StatusCode);
        var later = DateTimeOffset.UtcNow.AddMinutes(1);
        await using (var db = factory.Database.CreateContext())
            Assert.False(await db.Set<DiaryMoment>().AnyAsync(m => m.OwnerId == person.Id && m.SentAt == null && m.PlannedAt > later));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OneReminderHalfway_AndAfterTwoSilentPromptsThePersonIsToldOnce(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var t0 = new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero); // the autumn change
        var first = (await DiaryWorld.SeedAsync(factory.Database, 1, t0, push, keys)).Single();
        await using (var db = factory.Database.CreateContext())
        {
            db.Add(new DiaryMoment { DiaryId = first.DiaryId, OwnerId = first.OwnerId, Day = 0, PlannedAt = t0.AddHours(1), ExpiresAt = t0.AddHours(1).AddMinutes(15) });
            await db.SaveChangesAsync();
        }
        var clock = new FakeTimeProvider(t0.AddSeconds(1));
        var sender = DiaryWorld.Sender(factory, clock);
        Assert.Equal(1, (await sender.RunOnceAsync()).Pushed);
        clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(1, (await sender.RunOnceAsync()).Reminded);
        Assert.Equal(0, (await sender.RunOnceAsync()).Reminded);
        Assert.Equal(2, push.Accepted.Count);
        Assert.Contains("Nog even", keys.Decrypt(push.Accepted[1].Body), StringComparison.Ordinal);
        Assert.Equal(push.Accepted[0].Topic, push.Accepted[1].Topic); // the reminder replaces the prompt

        // Nobody opened either prompt: after the second expires, one notice (mail + page), not two.
        clock.SetUtcNow(t0.AddHours(1).AddSeconds(1));
        Assert.Equal(1, (await sender.RunOnceAsync()).Pushed);
        clock.SetUtcNow(t0.AddHours(1).AddMinutes(16));
        Assert.Equal(1, (await sender.RunOnceAsync()).Noticed);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await sender.RunOnceAsync()).Noticed);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.NotNull((await db.Set<PersonalDiary>().SingleAsync(d => d.Id == first.DiaryId)).SilentNoticeAt);
            var notice = await db.Set<OutboxMessage>().SingleAsync(o => o.Key.StartsWith("diary.silent."));
            Assert.Contains("testmelding", notice.Body, StringComparison.Ordinal);
            Assert.Contains("beginscherm", notice.Body, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task JouwWeek_ShowsOnlyCategoriesWithThreeMoments_SharedOnlyByConsentAndLogged_ExportedAndErased(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await Plan.PlanWorld.CreateAsync(factory);
        var person = world.Person;
        var word = "Dmark" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = factory.Database.CreateContext())
        {
            var now = DateTimeOffset.UtcNow;
            var diary = new PersonalDiary
            {
                OwnerId = person.Id, StartedAt = now.AddDays(-4), FirstDay = LocalTime.Day(now.AddDays(-4)), Days = 5, WakeFromMinutes = 0, WakeUntilMinutes = 1439,
                PerDay = 8, MinGapMinutes = 15, Seed = 1, ExpiryMinutes = 15,
            };
            db.Add(diary);
            // Three with friends outside (good), three alone at home (less good), two at work (under three: not shown), one late.
            var rows = new (DiaryCompany Company, DiaryPlace Place, int Good, bool Late)[]
            {
                (DiaryCompany.Friends, DiaryPlace.Outside, 7, false), (DiaryCompany.Friends, DiaryPlace.Outside, 6, false), (DiaryCompany.Friends, DiaryPlace.Outside, 6, false),
                (DiaryCompany.Alone, DiaryPlace.Home, 3, false), (DiaryCompany.Alone, DiaryPlace.Home, 2, false), (DiaryCompany.Alone, DiaryPlace.Home, 3, false),
                (DiaryCompany.Colleagues, DiaryPlace.WorkOrSchool, 5, false), (DiaryCompany.Colleagues, DiaryPlace.WorkOrSchool, 5, false),
                (DiaryCompany.Others, DiaryPlace.OnTheWay, 1, true),
            };
            for (var i = 0; i < rows.Length; i++)
            {
                var at = now.AddHours(-80 + i * 7);
                var r = rows[i];
                db.Add(new DiaryMoment
                {
                    DiaryId = diary.Id, OwnerId = person.Id, Day = i / 3, PlannedAt = at, ExpiresAt = at.AddMinutes(15), SentAt = at, Channel = DiaryChannel.Mail,
                    AnsweredAt = at.AddMinutes(r.Late ? 30 : 3), Late = r.Late, Cheerful = r.Good, Relaxed = r.Good, Down = 8 - r.Good, Anxious = 8 - r.Good, Irritated = 8 - r.Good,
                    Place = r.Place, Company = r.Company, Activity = DiaryActivity.Together, Word = i == 0 ? word : null,
                });
            }
            await db.SaveChangesAsync();
        }

        var own = await world.Clients[Plan.PlanWorld.Self].GetStringAsync("/mijn/dagboek/week");
        Assert.Contains("data-testid=\"chart-company\"", own, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"diary-chart\"", own, StringComparison.Ordinal);
        Assert.Contains("Vrienden (3)", own, StringComparison.Ordinal);
        Assert.Contains("Alleen (3)", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Collega&#x27;s of klasgenoten (2)", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Andere mensen (1)", own, StringComparison.Ordinal); // late: not in the figures
        Assert.Contains("Met wie je was: je voelde je het best bij ‘Vrienden’ en het minst goed bij ‘Alleen’.", WebUtility.HtmlDecode(own), StringComparison.Ordinal);
        Assert.Contains(word, own, StringComparison.Ordinal); // the person sees their own moments

        // Each finding links to the front door's results for what fits it: with friends best → meet peers; alone least good and
        // feeling down and tense there → loneliness, low mood, anxiety. The results are the matcher's, explained by those answers.
        var offerLinks = OfferLinkPattern().Matches(own).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(Regex.Count(own, "data-testid=\"finding\""), offerLinks.Count);
        Assert.Contains("/voorportaal/hulp?d=LonelinessAndContact&d=LowMood&d=AnxietyAndStress&w=MeetPeers", offerLinks);
        var help = await world.Clients[Plan.PlanWorld.Self].GetStringAsync(offerLinks.First(l => l.Contains("w=MeetPeers", StringComparison.Ordinal)));
        Assert.Contains("data-testid=\"match\"", help, StringComparison.Ordinal);
        var whys = WhyPattern().Matches(help).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
        Assert.NotEmpty(whys);
        Assert.Contains(whys, why => why.Contains("je ontmoet anderen", StringComparison.Ordinal));
        Assert.Contains("helpt bij", whys[0], StringComparison.Ordinal);

        // A resource-group member with consent sees the figures, not the moments, and the read is logged; without consent: not found, logged as refused.
        var member = await world.Clients[Plan.PlanWorld.MemberWith].GetAsync($"/plan/{person.Id}/dagboek");
        Assert.Equal(HttpStatusCode.OK, member.StatusCode);
        var shared = await member.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"shared-note\"", shared, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"chart-company\"", shared, StringComparison.Ordinal);
        Assert.DoesNotContain(word, shared, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Clients[Plan.PlanWorld.MemberWithout].GetAsync($"/plan/{person.Id}/dagboek")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Clients[Plan.PlanWorld.StaffWithout].GetAsync($"/plan/{person.Id}/dagboek")).StatusCode);
        await using (var db = factory.Database.CreateContext())
        {
            var log = await db.Set<AccessLogEntry>().Where(e => e.SubjectUserId == person.Id && e.What == "Diary").ToListAsync();
            Assert.Contains(log, e => e.ActorUserId == world.Users[Plan.PlanWorld.MemberWith].Id && e.Allowed && e.ConsentId != null);
            Assert.Contains(log, e => e.ActorUserId == world.Users[Plan.PlanWorld.MemberWithout].Id && !e.Allowed);
            Assert.Contains(log, e => e.ActorUserId == world.Users[Plan.PlanWorld.StaffWithout].Id && !e.Allowed);
        }

        // Export: JSON and FHIR (one QuestionnaireResponse per moment).
        var json = await world.Clients[Plan.PlanWorld.Self].GetStringAsync("/mijn/export.json");
        Assert.Contains(word, json, StringComparison.Ordinal);
        var fhir = await world.Clients[Plan.PlanWorld.Self].GetStringAsync("/mijn/export.fhir.json");
        Assert.Equal(9, Regex.Count(fhir, "urn:gem:questionnaire:diary-moment"));

        // Erasure removes every diary row of the person.
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Gem.Core.Plan.PersonalData>().EraseAsync(person.Id);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.False(await db.Set<DiaryMoment>().AnyAsync(m => m.OwnerId == person.Id));
            Assert.False(await db.Set<PersonalDiary>().AnyAsync(d => d.OwnerId == person.Id));
        }
    }

    [GeneratedRegex("href=\"([^\"]+)\"[^>]*data-testid=\"finding-offers\"")]
    private static partial Regex OfferLinkPattern();

    [GeneratedRegex("<p class=\"why\"[^>]*>.*?</p>", RegexOptions.Singleline)]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"https?://\S+/dagboek/m/[0-9a-f]{32}")]
    private static partial Regex LinkPattern();
}
