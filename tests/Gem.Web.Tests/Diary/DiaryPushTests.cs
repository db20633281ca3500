using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Gem.Web.Tests.Diary;

/// <summary>
/// Prompts as Web Push to a push service on loopback (RFC 8030): the body is decrypted here with the subscription's own
/// keys (RFC 8291/8188) and checked; prompts go out exactly once when a sender is cut off in the middle of a batch and
/// when two hosts share the database.
/// </summary>
public sealed class DiaryPushTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Push_IsEncryptedForTheBrowser_SignedWithVapid_AndCarriesTheMomentsLink(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var person = await factory.CreateUserAsync(Roles.Citizen);
        var client = await factory.SignedInClientAsync(person);

        // The browser posts its subscription as diary.js does (PushSubscription.toJSON()).
        var subscribe = await client.PostAsJsonAsync("/dagboek/abonnement", new { endpoint = push.BaseUrl + "push/browser-1", keys = new { p256dh = keys.P256dh, auth = keys.Auth } });
        Assert.Equal(HttpStatusCode.NoContent, subscribe.StatusCode);
        var bad = await client.PostAsJsonAsync("/dagboek/abonnement", new { endpoint = "ftp://example.org/x", keys = new { p256dh = "abc", auth = "def" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.False((await factory.CreateClient(new() { AllowAutoRedirect = false }).PostAsJsonAsync("/dagboek/abonnement", new { endpoint = "x" })).IsSuccessStatusCode);
        // A second browser whose subscription the push service has dropped (410 Gone).
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/dagboek/abonnement", new { endpoint = push.BaseUrl + "gone/browser-2", keys = new { p256dh = keys.P256dh, auth = keys.Auth } })).StatusCode);

        DiaryMoment moment;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var diaries = scope.ServiceProvider.GetRequiredService<DiaryService>();
            await diaries.StartAsync(person.Id, new DiaryInput(5, new TimeOnly(8, 30), new TimeOnly(22, 0), 8, 30));
            moment = (await diaries.MomentsAsync((await diaries.CurrentAsync(person.Id))!.Id)).First();
        }
        var clock = new FakeTimeProvider(moment.PlannedAt.AddSeconds(1));
        var pass = await DiaryWorld.Sender(factory, clock).RunOnceAsync();
        Assert.Equal(1, pass.Pushed);

        var received = Assert.Single(push.Accepted);
        Assert.Equal("/push/browser-1", received.Path);
        Assert.Equal("aes128gcm", received.ContentEncoding);
        Assert.Equal(moment.Id.ToString("N"), received.Topic);
        Assert.Equal("high", received.Urgency);
        Assert.StartsWith("vapid t=", received.Authorization, StringComparison.Ordinal);
        var publicKey = await factory.Services.GetRequiredService<DiaryPush>().PublicKeyAsync();
        Assert.Contains("k=" + publicKey, received.Authorization, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(keys.Decrypt(received.Body));
        Assert.Equal("/dagboek/m/" + moment.Token, json.RootElement.GetProperty("url").GetString());
        Assert.Equal(moment.Id.ToString("N"), json.RootElement.GetProperty("tag").GetString());
        Assert.Equal("Je dagboek: hoe gaat het nu?", json.RootElement.GetProperty("title").GetString());
        // Someone else's keys cannot read it.
        using var stranger = new TestBrowserKeys();
        Assert.ThrowsAny<Exception>(() => stranger.Decrypt(received.Body));

        // sent → delivered (the service worker's beacon) → opened (the link) → answered.
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await anonymous.PostAsync($"/dagboek/m/{moment.Token}/ontvangen", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PostAsync($"/dagboek/m/{new string('0', 32)}/ontvangen", null)).StatusCode);
        await using var db = factory.Database.CreateContext();
        var stored = await db.Set<DiaryMoment>().SingleAsync(m => m.Id == moment.Id);
        Assert.Equal(DiaryChannel.Push, stored.Channel);
        Assert.Equal(clock.GetUtcNow(), stored.SentAt);
        Assert.NotNull(stored.DeliveredAt);
        Assert.Null(stored.ClaimedBy);

        // The gone subscription is removed; a second pass sends nothing more.
        Assert.Equal(1, await db.Set<DiaryPushSubscription>().CountAsync(s => s.OwnerId == person.Id));
        Assert.Equal(0, (await DiaryWorld.Sender(factory, clock).RunOnceAsync()).Sent);
        Assert.Single(push.Accepted);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SenderCutOffMidBatch_AnotherTakesOverAfterTheLease_EveryPromptExactlyOnce(DatabaseProvider provider)
    {
        const int people = 40, beforeCut = 15;
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var planned = new DateTimeOffset(2026, 3, 29, 9, 0, 0, TimeSpan.Zero); // the spring change: nothing special for the sender
        var moments = await DiaryWorld.SeedAsync(factory.Database, people, planned, push, keys);

        push.HoldAfter(beforeCut);
        var clock = new FakeTimeProvider(planned.AddSeconds(2));
        using var crash = new CancellationTokenSource();
        var first = DiaryWorld.Sender(factory, clock).RunOnceAsync(crash.Token);
        Assert.True(await push.WaitForAsync(beforeCut, TimeSpan.FromSeconds(30)), "the first sender did not get going");
        await Task.Delay(300); // the rest of its batch is now held at the push service
        await crash.CancelAsync(); // the instance goes down in the middle of its batch
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        push.Release();
        Assert.Equal(beforeCut, push.Accepted.Count);

        // Before the lease lapses nobody takes the dead sender's moments, nor in the half lease after it (a push under way
        // at the lapse may still finish and be marked); then the next pass sends each remaining one.
        Assert.Equal(0, (await DiaryWorld.Sender(factory, clock).RunOnceAsync()).Sent);
        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(0, (await DiaryWorld.Sender(factory, clock).RunOnceAsync()).Sent);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = DiaryWorld.Sender(factory, clock);
        while ((await second.RunOnceAsync()).Sent > 0) { }

        var paths = push.Accepted.Select(p => p.Path).ToList();
        output.WriteLine($"{provider}: {people} prompts, cut after {beforeCut}; received {paths.Count}, distinct {paths.Distinct().Count()}");
        Assert.Equal(people, paths.Count);
        Assert.Equal(people, paths.Distinct().Count());
        foreach (var received in push.Accepted)
            Assert.StartsWith("{\"title\"", keys.Decrypt(received.Body), StringComparison.Ordinal);
        await using var db = factory.Database.CreateContext();
        var ids = moments.Select(m => m.Id).ToList();
        Assert.Equal(people, await db.Set<DiaryMoment>().CountAsync(m => ids.Contains(m.Id) && m.SentAt != null && m.Channel == DiaryChannel.Push && m.ClaimedBy == null));
        Assert.Equal(0, await db.Set<Gem.Core.Mail.OutboxMessage>().CountAsync(o => o.Key.StartsWith("diary.")));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoHostsOnOneDatabase_SendEveryPromptExactlyOnce(DatabaseProvider provider)
    {
        const int people = 60;
        var a = await GemWebFactory.CreateAsync(provider, seedDemo: false);
        var b = new GemWebFactory(a.Database, seedDemo: false);
        _ = b.Services;
        try
        {
            await using var push = new TestPushService();
            using var keys = new TestBrowserKeys();
            // Real clocks of the two hosts: the moments were due a minute ago.
            await DiaryWorld.SeedAsync(a.Database, people, DateTimeOffset.UtcNow.AddMinutes(-1), push, keys);
            var senderA = a.Services.GetRequiredService<DiaryPromptSender>();
            var senderB = b.Services.GetRequiredService<DiaryPromptSender>();
            async Task<int> Drain(DiaryPromptSender s)
            {
                var sent = 0;
                for (var round = 0; round < 50; round++)
                {
                    var pass = await s.RunOnceAsync();
                    sent += pass.Sent;
                    if (pass.Sent == 0 && round > 2) break;
                }
                return sent;
            }
            var counts = await Task.WhenAll(Task.Run(() => Drain(senderA)), Task.Run(() => Drain(senderB)));
            var paths = push.Accepted.Select(p => p.Path).ToList();
            output.WriteLine($"{provider}: host A sent {counts[0]}, host B sent {counts[1]}; received {paths.Count}, distinct {paths.Distinct().Count()}");
            Assert.Equal(people, counts.Sum());
            Assert.Equal(people, paths.Count);
            Assert.Equal(people, paths.Distinct().Count());
        }
        finally
        {
            await b.DisposeAsync(); // drops the database too (TestDatabase disposal is idempotent)
            await a.DisposeAsync();
        }
    }

    [Fact, SqliteOnly("key protection and JWT signing; one row of plain storage")]
    public async Task VapidKeyMadeBySite_IsStoredProtected_AndSignsThePushes()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false);
        var diaryPush = factory.Services.GetRequiredService<DiaryPush>();
        var publicKey = await diaryPush.PublicKeyAsync();

        var stored = await StoredVapidKeyAsync(factory);
        Assert.Equal(publicKey, stored.PublicKey);
        var privateKey = Unprotect(factory, stored.PrivateKey);
        Assert.DoesNotContain(privateKey, stored.PrivateKey, StringComparison.Ordinal);
        Assert.Equal(publicKey, PublicKeyOf(privateKey));
        await AssertPushSignedWithAsync(diaryPush, publicKey);
    }

    [Fact, SqliteOnly("key protection; one row of plain storage")]
    public async Task VapidKeyStoredInPlainByAnEarlierVersion_IsProtectedOnFirstUse_AndStaysTheSame()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false);
        var (publicKey, privateKey) = DiaryPush.NewKeyPair();
        await using (var db = factory.Database.CreateContext())
        {
            db.Add(new DiaryVapidKey { Id = 1, PublicKey = publicKey, PrivateKey = privateKey });
            await db.SaveChangesAsync();
        }
        var diaryPush = factory.Services.GetRequiredService<DiaryPush>();
        Assert.Equal(publicKey, await diaryPush.PublicKeyAsync()); // browsers subscribed with it keep working

        var stored = await StoredVapidKeyAsync(factory);
        Assert.DoesNotContain(privateKey, stored.PrivateKey, StringComparison.Ordinal);
        Assert.Equal(privateKey, Unprotect(factory, stored.PrivateKey));
        await AssertPushSignedWithAsync(diaryPush, publicKey);
    }

    private static async Task<DiaryVapidKey> StoredVapidKeyAsync(GemWebFactory factory)
    {
        await using var db = factory.Database.CreateContext();
        return await db.Set<DiaryVapidKey>().AsNoTracking().SingleAsync();
    }

    private static string Unprotect(GemWebFactory factory, string stored)
    {
        Assert.StartsWith("dp:", stored, StringComparison.Ordinal);
        return factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Gem.Diary.VapidPrivateKey").Unprotect(stored["dp:".Length..]);
    }

    private static string PublicKeyOf(string privateKey)
    {
        using var key = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = Base64Url.DecodeFromChars(privateKey) });
        var q = key.ExportParameters(false).Q;
        return Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]);
    }

    /// <summary>A push goes out with a VAPID JWT (RFC 8292) whose ES256 signature verifies with the site's public key.</summary>
    private static async Task AssertPushSignedWithAsync(DiaryPush diaryPush, string publicKey)
    {
        await using var push = new TestPushService();
        using var keys = new TestBrowserKeys();
        var subscription = new DiaryPushSubscription { OwnerId = Guid.NewGuid(), Endpoint = push.BaseUrl + "push/signed", P256dh = keys.P256dh, Auth = keys.Auth };
        Assert.Equal(PushOutcome.Accepted, await diaryPush.SendAsync(subscription, "{}", "signed", TimeSpan.FromMinutes(1), CancellationToken.None));
        var authorization = Assert.Single(push.Accepted).Authorization!;
        var jwt = authorization["vapid t=".Length..authorization.IndexOf(',', StringComparison.Ordinal)].Split('.');
        var point = Base64Url.DecodeFromChars(publicKey);
        using var verifier = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] } });
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), Base64Url.DecodeFromChars(jwt[2]), HashAlgorithmName.SHA256));
    }
}
