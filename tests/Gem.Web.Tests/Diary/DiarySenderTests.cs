using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Mail;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Gem.Web.Tests.Diary;

/// <summary>
/// The prompt sender under overload: time passes while a batch is sending, so a moment can expire before its turn, and
/// a batch can take longer than its claim's lease while another instance is looking for work.
/// </summary>
public sealed class DiarySenderTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MomentThatExpiresWhileItsBatchIsSending_IsNeitherPushedNorMailed(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
        factory.Settings["Gem:Diary:Parallelism"] = "1"; // one push at a time, in planned order: the clock moves between them
        _ = factory.Services;
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var now = new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
        var pushed = await DiaryWorld.SeedAsync(factory.Database, 2, now, push, keys);
        var mailOnly = Assert.Single(await DiaryWorld.SeedAsync(factory.Database, 1, now, push: null, keys: null, tag: "m"));
        // First in the batch: due two minutes ago, 13 minutes left. Then two that are due and still valid for 30 seconds
        // when the batch is claimed: one with a browser, one by mail only.
        await using (var db = factory.Database.CreateContext())
        {
            await Move(db, pushed[0].Id, now.AddMinutes(-2), now.AddMinutes(13));
            await Move(db, pushed[1].Id, now.AddMinutes(-1), now.AddSeconds(30));
            await Move(db, mailOnly.Id, now.AddMinutes(-1), now.AddSeconds(30));
        }

        // The push service takes a minute (on the sender's clock) to accept the first prompt.
        var clock = new FakeTimeProvider(now);
        push.BeforeAnswer = _ =>
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            return Task.CompletedTask;
        };
        var pass = await DiaryWorld.Sender(factory, clock).RunOnceAsync();

        Assert.Equal(3, pass.Sent);
        Assert.Equal(1, pass.Pushed);
        var received = Assert.Single(push.Accepted);
        Assert.Equal(pushed[0].Id.ToString("N"), received.Topic);
        Assert.Equal("780", received.Ttl); // 13 minutes left when it went out
        await using (var db = factory.Database.CreateContext())
        {
            var stored = await db.Set<DiaryMoment>().AsNoTracking().ToDictionaryAsync(m => m.Id);
            Assert.Equal(DiaryChannel.Push, stored[pushed[0].Id].Channel);
            foreach (var id in new[] { pushed[1].Id, mailOnly.Id })
            {
                Assert.Equal(DiaryChannel.None, stored[id].Channel);
                Assert.NotNull(stored[id].SentAt); // settled: no later pass picks it up
                Assert.Null(stored[id].ClaimedBy);
            }
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(o => o.Key.StartsWith("diary.")));
        }
        Assert.Equal(0, (await DiaryWorld.Sender(factory, clock).RunOnceAsync()).Sent);
        Assert.Single(push.Accepted);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoSenders_SlowPushService_BatchesOutlastTheLease_EachPromptPushedOnce(DatabaseProvider provider)
    {
        const int people = 50;
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
        factory.Settings["Gem:Diary:BatchSize"] = "35"; // one sender claims 35, the other the last 15 and then looks for more
        factory.Settings["Gem:Diary:Parallelism"] = "2";
        _ = factory.Services;
        var lease = factory.Services.GetRequiredService<IOptions<DiaryOptions>>().Value.ClaimLease;
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var planned = new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
        var moments = await DiaryWorld.SeedAsync(factory.Database, people, planned, push, keys);

        // A slow push service: each prompt takes 3 s on the senders' clock (and 40 ms of real time), so the batch of 35,
        // two at a time next to the other sender's pushes, takes about 150 s: longer than the 2-minute lease. The other
        // sender is done with its 15 after about 90 s and keeps looking for due moments.
        var clock = new FakeTimeProvider(planned.AddSeconds(2));
        push.BeforeAnswer = async _ =>
        {
            clock.Advance(TimeSpan.FromSeconds(3));
            await Task.Delay(40);
        };
        // Time also passes while both senders find nothing to do (a second per idle pass, only when neither is in the
        // middle of a batch, so idling never cuts a push short): when a renewal comes too late on a loaded machine and
        // the lease lapses, the moments left are taken over after the grace, as in production. The senders go on until
        // every prompt went out and both had 20 idle passes in a row, or two minutes of real time.
        var senders = new[] { DiaryWorld.Sender(factory, clock), DiaryWorld.Sender(factory, clock) };
        var sent = new int[2];
        var resting = new bool[2];
        using var done = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            var idle = 0;
            while ((idle < 20 || push.Accepted.Select(p => p.Topic).Distinct().Count() < people) && !done.IsCancellationRequested)
            {
                Volatile.Write(ref resting[i], false);
                var pass = await senders[i].RunOnceAsync();
                sent[i] += pass.Pushed;
                idle = pass.Sent == 0 ? idle + 1 : 0;
                if (pass.Sent > 0) continue;
                Volatile.Write(ref resting[i], true);
                if (Volatile.Read(ref resting[1 - i])) clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(20);
            }
        })));

        var topics = push.Accepted.Select(p => p.Topic).ToList();
        output.WriteLine($"{provider}: sender A pushed {sent[0]}, B {sent[1]}; push service received {topics.Count}, distinct {topics.Distinct().Count()}; " +
                         $"{(clock.GetUtcNow() - planned).TotalSeconds:N0} s on the clock");
        Assert.True(clock.GetUtcNow() - planned > lease + TimeSpan.FromSeconds(15), "the big batch did not outlast the lease");
        Assert.True(sent[0] > 0 && sent[1] > 0, "both senders should have had work");
        Assert.Equal(people, topics.Distinct().Count());
        Assert.Equal(people, topics.Count);
        await using var db = factory.Database.CreateContext();
        var ids = moments.Select(m => m.Id).ToList();
        Assert.Equal(people, await db.Set<DiaryMoment>().CountAsync(m => ids.Contains(m.Id) && m.Channel == DiaryChannel.Push && m.SentAt != null && m.ClaimedBy == null));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Backlog_PromptsGoBeforeReminders_TheReminderFollowsInAPassWithRoom(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
        factory.Settings["Gem:Diary:BatchSize"] = "2";
        _ = factory.Services;
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var t0 = new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
        await DiaryWorld.SeedAsync(factory.Database, 1, t0, push, keys, "first");
        var clock = new FakeTimeProvider(t0.AddSeconds(1));
        var sender = DiaryWorld.Sender(factory, clock);
        Assert.Equal(1, (await sender.RunOnceAsync()).Pushed);

        // Halfway to expiry the first prompt wants its reminder, and a full batch of new prompts is due: prompts first.
        clock.Advance(TimeSpan.FromMinutes(8));
        await DiaryWorld.SeedAsync(factory.Database, 2, clock.GetUtcNow().AddSeconds(-1), push, keys, "backlog");
        var full = await sender.RunOnceAsync();
        Assert.Equal((2, 0), (full.Pushed, full.Reminded));
        var room = await sender.RunOnceAsync();
        Assert.Equal((0, 1), (room.Pushed, room.Reminded));
        Assert.Equal(4, push.Accepted.Count);
        Assert.Contains("Nog even", keys.Decrypt(push.Accepted[3].Body), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Backlog_ClaimTakesTheNewestDueMomentsFirst(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
        factory.Settings["Gem:Diary:BatchSize"] = "2";
        _ = factory.Services;
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var now = new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
        var moments = await DiaryWorld.SeedAsync(factory.Database, 4, now, push, keys);
        // A backlog of four due moments, 10, 8, 3 and 1 minutes ago, and one not due yet.
        var ago = new[] { 10, 8, 3, 1 };
        var future = Assert.Single(await DiaryWorld.SeedAsync(factory.Database, 1, now.AddMinutes(5), push, keys, tag: "f"));
        await using (var db = factory.Database.CreateContext())
        {
            for (var i = 0; i < 4; i++) await Move(db, moments[i].Id, now.AddMinutes(-ago[i]), now.AddMinutes(15 - ago[i]));
        }
        var clock = new FakeTimeProvider(now);

        var pass = await DiaryWorld.Sender(factory, clock).RunOnceAsync();

        Assert.Equal(2, pass.Pushed);
        Assert.Equal(new[] { moments[2].Id, moments[3].Id }.Select(id => id.ToString("N")).Order(), push.Accepted.Select(p => p.Topic).Order());
        Assert.Equal(2, (await DiaryWorld.Sender(factory, clock).RunOnceAsync()).Pushed); // then the older two
        Assert.Equal(4, push.Accepted.Select(p => p.Topic).Distinct().Count());
        Assert.DoesNotContain(future.Id.ToString("N"), push.Accepted.Select(p => p.Topic));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MomentsThatExpiredUnsent_AreSettledInBulk_NotPushedNotMailedNotSilent(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
        _ = factory.Services;
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var now = new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
        // Per person: two moments that expired before any sender got to them (one with a browser, one by mail only), and
        // one with a browser whose claim by another instance is still running; plus one moment that is due now.
        var withBrowser = await DiaryWorld.SeedAsync(factory.Database, 2, now, push, keys);
        var mailOnly = Assert.Single(await DiaryWorld.SeedAsync(factory.Database, 1, now, push: null, keys: null, tag: "m"));
        var due = Assert.Single(await DiaryWorld.SeedAsync(factory.Database, 1, now, push, keys, tag: "d"));
        var otherClaim = Guid.NewGuid();
        await using (var db = factory.Database.CreateContext())
        {
            foreach (var m in new[] { withBrowser[0], mailOnly, withBrowser[1] }) await Move(db, m.Id, now.AddMinutes(-40), now.AddMinutes(-25));
            // A second expired moment in the mail-only person's diary: two in a row that never went out.
            db.Add(new DiaryMoment { DiaryId = mailOnly.DiaryId, OwnerId = mailOnly.OwnerId, Day = 0, PlannedAt = now.AddMinutes(-20), ExpiresAt = now.AddMinutes(-5) });
            await db.SaveChangesAsync();
            await db.Set<DiaryMoment>().Where(m => m.Id == withBrowser[1].Id)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedBy, otherClaim).SetProperty(m => m.ClaimedUntil, now.AddMinutes(1)));
        }
        var clock = new FakeTimeProvider(now);

        var pass = await DiaryWorld.Sender(factory, clock).RunOnceAsync();

        Assert.Equal(1, pass.Sent);
        Assert.Equal(0, pass.Noticed);
        Assert.Equal(due.Id.ToString("N"), Assert.Single(push.Accepted).Topic);
        await using (var db = factory.Database.CreateContext())
        {
            var stored = await db.Set<DiaryMoment>().AsNoTracking().ToListAsync();
            var settled = stored.Where(m => m.OwnerId != due.OwnerId && m.Id != withBrowser[1].Id).ToList();
            Assert.Equal(3, settled.Count);
            Assert.All(settled, m =>
            {
                Assert.Equal(DiaryChannel.None, m.Channel);
                Assert.NotNull(m.SentAt);
                Assert.Null(m.ClaimedBy);
                Assert.False(m.IsSilent(now.AddHours(1)));
            });
            // Still under another instance's claim: left to that instance.
            var claimed = stored.Single(m => m.Id == withBrowser[1].Id);
            Assert.Null(claimed.SentAt);
            Assert.Equal(otherClaim, claimed.ClaimedBy);
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(o => o.Key.StartsWith("diary.")));
        }

        // Once that claim has lapsed (and the half lease another instance waits after a lapse has passed) it is settled
        // too, by the next sweep; nothing is pushed or mailed, nobody is told their notifications do not arrive.
        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        pass = await DiaryWorld.Sender(factory, clock).RunOnceAsync();
        Assert.Equal(0, pass.Sent);
        Assert.Equal(0, pass.Noticed);
        Assert.Single(push.Accepted);
        await using (var db = factory.Database.CreateContext())
        {
            var claimed = await db.Set<DiaryMoment>().AsNoTracking().SingleAsync(m => m.Id == withBrowser[1].Id);
            Assert.Equal(DiaryChannel.None, claimed.Channel);
            Assert.NotNull(claimed.SentAt);
            Assert.Null(claimed.ClaimedBy);
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(o => o.Key.StartsWith("diary.")));
            Assert.Equal(0, await db.Set<PersonalDiary>().CountAsync(d => d.SilentNoticeAt != null));
        }
    }

    [Fact, SqliteOnly("the silent-prompt rule on settled moments; the sender's claim queries run on both in the two-sender test")]
    public async Task MomentsSettledUnsent_DoNotCountAsSilentPrompts()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false);
        var t0 = new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero);
        var first = Assert.Single(await DiaryWorld.SeedAsync(factory.Database, 1, t0, push: null, keys: null));
        await using (var db = factory.Database.CreateContext())
        {
            // Both expired in their batch before their turn: settled with no channel, never in front of the person.
            db.Add(new DiaryMoment { DiaryId = first.DiaryId, OwnerId = first.OwnerId, Day = 0, PlannedAt = t0.AddHours(1), ExpiresAt = t0.AddHours(1).AddMinutes(15) });
            await db.SaveChangesAsync();
            await db.Set<DiaryMoment>().Where(m => m.DiaryId == first.DiaryId)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, m => m.ExpiresAt).SetProperty(m => m.Channel, DiaryChannel.None));
        }
        var clock = new FakeTimeProvider(t0.AddHours(1).AddMinutes(16));
        Assert.Equal(0, (await DiaryWorld.Sender(factory, clock).RunOnceAsync()).Noticed);
        await using (var db = factory.Database.CreateContext())
        {
            Assert.Null((await db.Set<PersonalDiary>().SingleAsync(d => d.Id == first.DiaryId)).SilentNoticeAt);
            // The same two as mailed prompts nobody opened: told once.
            await db.Set<DiaryMoment>().Where(m => m.DiaryId == first.DiaryId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Channel, DiaryChannel.Mail));
        }
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await DiaryWorld.Sender(factory, clock).RunOnceAsync()).Noticed);
    }

    [Fact, SqliteOnly("the TTL of a push; the sender's queries run on both in the two-sender test")]
    public async Task PushWithNoTimeLeft_GoesOutWithTtlZero_NeverANegativeOne()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false);
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var subscription = new DiaryPushSubscription { OwnerId = Guid.NewGuid(), Endpoint = push.BaseUrl + "push/late", P256dh = keys.P256dh, Auth = keys.Auth };
        var diaryPush = factory.Services.GetRequiredService<DiaryPush>();

        Assert.Equal(PushOutcome.Accepted, await diaryPush.SendAsync(subscription, "{}", "late", TimeSpan.FromSeconds(-42), CancellationToken.None));
        Assert.Equal(PushOutcome.Accepted, await diaryPush.SendAsync(subscription, "{}", "almost", TimeSpan.FromMilliseconds(400), CancellationToken.None));
        Assert.Equal(["0", "0"], push.Accepted.Select(p => p.Ttl));
    }

    private static Task<int> Move(GemDbContext db, Guid id, DateTimeOffset plannedAt, DateTimeOffset expiresAt) =>
        db.Set<DiaryMoment>().Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.PlannedAt, plannedAt).SetProperty(m => m.ExpiresAt, expiresAt));
}
