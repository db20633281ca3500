using System.Net;
using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Gem.Core.Sms;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gem.Web.Tests.Diary;

/// <summary>SMS as a prompt channel: chosen on /mijn/dagboek/sms, used exactly when push cannot go, with the one-time link and no health words.</summary>
public sealed class DiarySmsTests
{
    private static readonly string[] HealthWords = ["somber", "angst", "stemming", "gevoel", "depress", "psych", "klacht", "gezondheid", "dagboek", "diary", "mood"];

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SmsWhenPushCannotGoAndSmsChosen_MailOtherwise_ReminderTheSameWay_TextCarriesTheLinkAndNoHealthWords(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        // Near the real time: the SMS is written when the SMS outbox sends it, and a dead link sends nothing.
        var planned = DateTimeOffset.UtcNow.AddMinutes(-1);
        var withPush = await DiaryWorld.SeedAsync(factory.Database, 1, planned, push, keys, tag: "push");
        var noPush = await DiaryWorld.SeedAsync(factory.Database, 3, planned, push: null, keys: null, tag: "none");
        var (pushAndSms, bySms, byMail, smsNoNumber) = (withPush[0], noPush[0], noPush[1], noPush[2]);
        await using (var db = factory.Database.CreateContext())
        {
            foreach (var (m, phone) in new[] { (pushAndSms, "06 11111111"), (bySms, "+31 6 22222222"), (smsNoNumber, null) })
            {
                await db.Users.Where(u => u.Id == m.OwnerId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneNumber, phone));
                db.Add(new DiarySmsChoice { OwnerId = m.OwnerId, ChosenAt = planned });
            }
            // The mail-only person has a number but did not choose SMS.
            await db.Users.Where(u => u.Id == byMail.OwnerId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneNumber, "06 33333333"));
            await db.SaveChangesAsync();
        }

        var clock = new FakeTimeProvider(planned.AddSeconds(1));
        var pass = await DiaryWorld.Sender(factory, clock).RunOnceAsync();
        Assert.Equal((4, 1, 3), (pass.Sent, pass.Pushed, pass.Mailed));
        await using (var db = factory.Database.CreateContext())
        {
            var channels = await db.Set<DiaryMoment>().AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Channel);
            Assert.Equal(DiaryChannel.Push, channels[pushAndSms.Id]);
            Assert.Equal(DiaryChannel.Sms, channels[bySms.Id]);
            Assert.Equal(DiaryChannel.Mail, channels[byMail.Id]);
            Assert.Equal(DiaryChannel.Mail, channels[smsNoNumber.Id]); // chose SMS but the account has no number: mail
            var sms = Assert.Single(await db.Set<SmsMessage>().AsNoTracking().ToListAsync());
            Assert.Equal((DiaryPromptChannel.Key(bySms.Id, false), "+31 6 22222222"), (sms.Key, sms.To));
            var mails = await db.Set<OutboxMessage>().AsNoTracking().Where(o => o.Key.StartsWith("diary.")).Select(o => o.Key).ToListAsync();
            Assert.Equal(new[] { DiaryPromptChannel.Key(byMail.Id, false), DiaryPromptChannel.Key(smsNoNumber.Id, false) }.Order(), mails.Order());
        }
        Assert.Single(push.Accepted);

        // Halfway: the reminder goes the way the prompt went.
        clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal(4, (await DiaryWorld.Sender(factory, clock).RunOnceAsync()).Reminded);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.Equal(new[] { DiaryPromptChannel.Key(bySms.Id, false), DiaryPromptChannel.Key(bySms.Id, true) }.Order(), (await db.Set<SmsMessage>().Select(s => s.Key).ToListAsync()).Order());
            Assert.True(await db.Set<OutboxMessage>().AnyAsync(o => o.Key == DiaryPromptChannel.Key(byMail.Id, true)));
        }

        // The texts as the SMS outbox sends them: the one-time link, no health words.
        // Delivered on the test's clock (the reminder was queued at its "now").
        var smsSender = new SmsOutboxSender(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<ISmsSender>(),
            factory.Services.GetRequiredService<IOptions<SmsOptions>>(), clock, NullLogger<SmsOutboxSender>.Instance);
        while (await smsSender.DeliverDueAsync() > 0) { }
        var files = Directory.GetFiles(factory.SmsFolder, "*.txt");
        Assert.Equal(2, files.Length);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.Contains("To: +31 6 22222222", text, StringComparison.Ordinal);
            Assert.Contains("/dagboek/m/" + bySms.Token, text, StringComparison.Ordinal);
            var withoutLink = text.Replace("/dagboek/m/" + bySms.Token, "", StringComparison.Ordinal);
            foreach (var word in HealthWords) Assert.DoesNotContain(word, withoutLink, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ChooseSmsOnThePage_NumberValidatedAndKeptWithTheAccount_BackToMail(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        var person = await factory.CreateUserAsync(Roles.Citizen);
        var client = await factory.SignedInClientAsync(person);
        const string page = "/mijn/dagboek/sms";
        Assert.Contains($"href=\"{page}\"", await client.GetStringAsync("/mijn/dagboek"), StringComparison.Ordinal);

        async Task<HttpResponseMessage> Post(string handler, string? phone)
        {
            var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, page) };
            if (phone is not null) fields["Phone"] = phone;
            return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
        }

        // No number on the account and none given, or a wrong one: a readable message, nothing stored.
        foreach (var wrong in new[] { null, "12345", "06-1234-567a", "+31 6 1" })
        {
            var bad = await Post("On", wrong);
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("data-testid=\"sms-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using (var db = factory.Database.CreateContext()) Assert.False(await db.Set<DiarySmsChoice>().AnyAsync(c => c.OwnerId == person.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await Post("On", " 06-12 34 56 78 ")).StatusCode);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.True(await db.Set<DiarySmsChoice>().AnyAsync(c => c.OwnerId == person.Id));
            Assert.Equal("06-12 34 56 78", await db.Users.Where(u => u.Id == person.Id).Select(u => u.PhoneNumber).SingleAsync());
        }
        var shown = await client.GetStringAsync(page);
        Assert.Contains("value=\"06-12 34 56 78\"", shown, StringComparison.Ordinal); // taken from the account next time
        Assert.Contains("data-testid=\"sms-off\"", shown, StringComparison.Ordinal);
        Assert.Contains("\"promptsBySms\": true", await client.GetStringAsync("/mijn/export.json"), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.Redirect, (await Post("Off", null)).StatusCode);
        await using (var db = factory.Database.CreateContext()) Assert.False(await db.Set<DiarySmsChoice>().AnyAsync(c => c.OwnerId == person.Id));
    }
}
