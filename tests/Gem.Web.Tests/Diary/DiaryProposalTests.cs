using System.Net;
using Gem.Core.Consent;
using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Mail;
using Gem.Testing;
using Gem.Web.Tests.Plan;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Diary;

/// <summary>
/// A diary proposed by a partner professional or a resource-group member: only on the person's "Dagboek" consent, mailed
/// without health details, nothing planned until the person accepts, the proposer sees only the state, all in the log.
/// </summary>
public sealed class DiaryProposalTests
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string tokenPage, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, tokenPage);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Settings(string from = "10:00", string until = "20:00", int days = 3, int perDay = 6, int gap = 20, string? note = null)
    {
        var d = new Dictionary<string, string> { ["WakeFrom"] = from, ["WakeUntil"] = until, ["Days"] = $"{days}", ["PerDay"] = $"{perDay}", ["MinGap"] = $"{gap}" };
        if (note is not null) d["Note"] = note;
        return d;
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task WithoutConsent_Refused_NothingStored_WithConsent_MailedShownAcceptedOrDeclined_ProposerSeesOnlyTheState_Logged(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var world = await PlanWorld.CreateAsync(factory);
        var person = world.Person;
        var page = $"/plan/{person.Id}/dagboek/voorstel";
        const string note = "Zullen we je week daarna samen bekijken?";

        // Without the consent: 403 with a readable message, for the page and the post; nothing stored, nothing mailed.
        foreach (var actor in new[] { PlanWorld.StaffWithout, PlanWorld.MemberWithout, PlanWorld.OtherCitizen })
        {
            var client = world.Clients[actor];
            var get = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
            Assert.Contains("data-testid=\"propose-refused\"", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // A token from a page with a form this actor may open.
            var post = await PostAsync(client, actor == PlanWorld.StaffWithout ? "/consultatie/nieuw" : "/mijn/dagboek", page, Settings(note: note));
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.Contains("Er is niets opgeslagen", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using (var db = factory.Database.CreateContext())
        {
            Assert.False(await db.Set<DiaryProposal>().AnyAsync());
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(o => o.Key.StartsWith("diary.proposal.")));
            var refused = await db.Set<AccessLogEntry>().Where(e => e.SubjectUserId == person.Id && e.What == DiaryProposals.LogWhat && !e.Allowed).ToListAsync();
            Assert.Contains(refused, e => e.ActorUserId == world.Users[PlanWorld.StaffWithout].Id);
        }

        // The shared week links to the proposal page.
        var week = await world.Clients[PlanWorld.StaffWith].GetStringAsync($"/plan/{person.Id}/dagboek");
        Assert.Contains($"href=\"{page}\"", week, StringComparison.Ordinal);

        // With the consent (the professional's organisation): stored and mailed; a second open one is refused.
        var staff = world.Clients[PlanWorld.StaffWith];
        const string staffForm = "/consultatie/nieuw"; // a page with a form (the proposal form is gone while one is open)
        var bad = await PostAsync(staff, staffForm, page, Settings(from: "10:00", until: "11:00"));
        Assert.Contains("data-testid=\"propose-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sent = await PostAsync(staff, staffForm, page, Settings(note: note));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var again = await PostAsync(staff, staffForm, page, Settings());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("data-testid=\"propose-error\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // And from a member of the kring who has the consent.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(world.Clients[PlanWorld.MemberWith], "/mijn/dagboek", page, Settings(days: 5, perDay: 8))).StatusCode);

        DiaryProposal byStaff, byMember;
        await using (var db = factory.Database.CreateContext())
        {
            var proposals = await db.Set<DiaryProposal>().Where(p => p.OwnerId == person.Id).ToListAsync();
            Assert.Equal(2, proposals.Count);
            byStaff = proposals.Single(p => p.ProposerUserId == world.Users[PlanWorld.StaffWith].Id);
            byMember = proposals.Single(p => p.ProposerUserId == world.Users[PlanWorld.MemberWith].Id);
            Assert.Equal((3, 6, 600, 1200, 20, note, DiaryProposalState.Open), (byStaff.Days, byStaff.PerDay, byStaff.WakeFromMinutes, byStaff.WakeUntilMinutes, byStaff.MinGapMinutes, byStaff.Note, byStaff.State));
            Assert.NotNull(byStaff.ConsentId);
            var mail = await db.Set<OutboxMessage>().SingleAsync(o => o.Key == DiaryProposals.MailKey(byStaff.Id));
            Assert.Equal(person.Email, mail.To);
            Assert.Contains("er staat een voorstel voor je klaar", mail.Subject!, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("/mijn", mail.Body, StringComparison.Ordinal);
            foreach (var word in new[] { "dagboek", "stemming", "somber", "angst", note, world.Marker })
            {
                Assert.DoesNotContain(word, mail.Body!, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(word, mail.Subject!, StringComparison.OrdinalIgnoreCase);
            }
            // Nothing is planned before the person says yes.
            Assert.False(await db.Set<PersonalDiary>().AnyAsync(d => d.OwnerId == person.Id));
            Assert.False(await db.Set<DiaryMoment>().AnyAsync(m => m.OwnerId == person.Id));
        }
        Assert.Contains("<strong>voorgesteld</strong>", await staff.GetStringAsync(page), StringComparison.Ordinal);

        // The person sees a notice on /mijn and the proposals on /mijn/dagboek.
        var self = world.Clients[PlanWorld.Self];
        Assert.Contains("data-testid=\"diary-proposal-notice\"", await self.GetStringAsync("/mijn"), StringComparison.Ordinal);
        var diaryPage = await self.GetStringAsync("/mijn/dagboek");
        Assert.Equal(2, diaryPage.Split("data-testid=\"diary-proposal\"").Length - 1);
        // Nobody else can open the person's proposal.
        Assert.Equal(HttpStatusCode.NotFound, (await world.Clients[PlanWorld.OtherCitizen].GetAsync($"/mijn/dagboek/voorstel/{byStaff.Id}")).StatusCode);

        // Decline the member's: nothing is planned, the member sees "afgewezen".
        var memberProposal = $"/mijn/dagboek/voorstel/{byMember.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(self, memberProposal, memberProposal + "?handler=Decline", [])).StatusCode);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.Equal(DiaryProposalState.Declined, (await db.Set<DiaryProposal>().SingleAsync(p => p.Id == byMember.Id)).State);
            Assert.False(await db.Set<PersonalDiary>().AnyAsync(d => d.OwnerId == person.Id));
            Assert.False(await db.Set<DiaryMoment>().AnyAsync(m => m.OwnerId == person.Id));
        }
        Assert.Contains("<strong>afgewezen</strong>", await world.Clients[PlanWorld.MemberWith].GetStringAsync(page), StringComparison.Ordinal);

        // Accept the professional's, changing the moments a day first: the diary starts with the proposed window and days.
        var staffProposal = $"/mijn/dagboek/voorstel/{byStaff.Id}";
        var form = await self.GetStringAsync(staffProposal);
        Assert.Contains("value=\"10:00\"", form, StringComparison.Ordinal);
        Assert.Contains(note, System.Net.WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(self, staffProposal, staffProposal + "?handler=Accept", Settings(perDay: 7))).StatusCode);
        await using (var db = factory.Database.CreateContext())
        {
            var diary = await db.Set<PersonalDiary>().SingleAsync(d => d.OwnerId == person.Id);
            Assert.Equal((3, 7, 600, 1200, 20), (diary.Days, diary.PerDay, diary.WakeFromMinutes, diary.WakeUntilMinutes, diary.MinGapMinutes));
            var accepted = await db.Set<DiaryProposal>().SingleAsync(p => p.Id == byStaff.Id);
            Assert.Equal((DiaryProposalState.Accepted, (Guid?)diary.Id), (accepted.State, accepted.DiaryId));
            var moments = await db.Set<DiaryMoment>().Where(m => m.OwnerId == person.Id).ToListAsync();
            Assert.InRange(moments.Count, 2 * 7, 3 * 7);
            Assert.All(moments, m => Assert.InRange(TimeZoneInfo.ConvertTime(m.PlannedAt, LocalTime.Zone).TimeOfDay, new TimeSpan(10, 0, 0), new TimeSpan(20, 0, 0)));

            // The log: who proposed (with the consent it rested on) and the person's answers.
            var log = await db.Set<AccessLogEntry>().Where(e => e.SubjectUserId == person.Id && e.What.StartsWith(DiaryProposals.LogWhat)).ToListAsync();
            Assert.Contains(log, e => e.ActorUserId == world.Users[PlanWorld.StaffWith].Id && e.What == DiaryProposals.LogWhat && e.Allowed && e.ConsentId != null && e.ActorOrganisation != null);
            Assert.Contains(log, e => e.ActorUserId == world.Users[PlanWorld.MemberWith].Id && e.What == DiaryProposals.LogWhat && e.Allowed);
            Assert.Contains(log, e => e.ActorUserId == person.Id && e.What == DiaryProposals.LogWhat + ".Accepted");
            Assert.Contains(log, e => e.ActorUserId == person.Id && e.What == DiaryProposals.LogWhat + ".Declined");
        }
        // The proposer sees the state only: not the settings the person chose, nor anything planned.
        var stateView = await staff.GetStringAsync(page);
        Assert.Contains("<strong>aangenomen</strong>", stateView, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"7\"", stateView, StringComparison.Ordinal); // the person's own choice; the form shows the defaults for a new proposal
        Assert.DoesNotContain("data-testid=\"diary-proposal-notice\"", await self.GetStringAsync("/mijn"), StringComparison.Ordinal);
        Assert.Contains("Dagboek voorgesteld", await self.GetStringAsync("/mijn/toegang"), StringComparison.Ordinal);

        // Export and erasure.
        var json = await self.GetStringAsync("/mijn/export.json");
        Assert.Contains(note, System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Gem.Core.Plan.PersonalData>().EraseAsync(person.Id);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.False(await db.Set<DiaryProposal>().AnyAsync(p => p.OwnerId == person.Id));
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(o => o.Key.StartsWith("diary.proposal.")));
        }
    }
}
