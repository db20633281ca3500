using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Gem.Testing;
using Gem.Web.Tests.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Xunit.Abstractions;

namespace Gem.Web.Tests.Mail;

/// <summary>The outbox (decision 601) and two instances on one database (decision 602), against a real SMTP server.</summary>
public sealed class OutboxTests(ITestOutputHelper output)
{
    private static async Task<HttpResponseMessage> EnrolAsync(HttpClient client, Guid sessionId, string name, string email) =>
        await client.PostAsJsonAsync($"/api/groups/sessions/{sessionId}/enrolments", new EnrolmentRequest(name, email, null));

    private static void UseSmtp(GemWebFactory factory, SmtpSink sink)
    {
        factory.Settings["Gem:Mail:PickupDirectory"] = ""; // only SmtpHost configured
        factory.Settings["Gem:Mail:SmtpHost"] = "127.0.0.1";
        factory.Settings["Gem:Mail:SmtpPort"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Gem:Mail:SmtpTimeout"] = "00:00:05";
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OnlySmtpHostConfigured_TheMailGoesOverSmtp_WithTheConfiguredMessageIdDomain(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var factory = await GemWebFactory.CreateAsync(provider, start: false);
        UseSmtp(factory, sink);
        Assert.Equal(MailTransport.Smtp, factory.Services.GetRequiredService<IOptions<MailOptions>>().Value.Transport);
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Rolling, 10);

        Assert.Equal(HttpStatusCode.Created, (await EnrolAsync(factory.CreateClient(), sessionId, "Zoë", "zoe@test.example")).StatusCode);
        Assert.Equal(0, sink.Count); // queued in the request, not sent in it
        await factory.DeliverMailAsync();

        var message = Assert.Single(sink.Received());
        Assert.Equal("zoe@test.example", message.To.Mailboxes.Single().Address);
        Assert.Matches("^confirm\\.[0-9a-f]{32}@mail\\.test\\.example$", message.MessageId);
        Assert.Contains("Zoë", message.TextBody, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FullGroup_TheRefusedEnrolmentQueuesNoMail(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider);
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Rolling, 1);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await EnrolAsync(client, sessionId, "Ada", "ada@test.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await EnrolAsync(client, sessionId, "Bo", "bo@test.example")).StatusCode);

        await using var db = factory.Database.CreateContext();
        Assert.Equal(["ada@test.example"], await db.Set<OutboxMessage>().Select(m => m.To).ToListAsync());
    }

    /// <summary>
    /// The relay is down for a while under load: every request still answers at once, and after the relay is back every
    /// mail arrives exactly once (issue 12: mails lost/duplicated across the SMTP outage, goal 0/0).
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SmtpDownUnderLoad_NothingLostNothingTwice_AndNoRequestWaits(DatabaseProvider provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var factory = await GemWebFactory.CreateAsync(provider, start: false);
        UseSmtp(factory, sink);
        factory.Settings["Gem:Mail:Outbox:Enabled"] = "true"; // the real hosted sender
        factory.Settings["Gem:Mail:Outbox:PollInterval"] = "00:00:00.100";
        factory.Settings["Gem:Mail:Outbox:RetryDelay"] = "00:00:00.200";
        factory.Settings["Gem:Mail:Outbox:MaxRetryDelay"] = "00:00:01";
        _ = factory.Services;
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Rolling, 1000);
        var client = factory.CreateClient();
        var slowest = new Dictionary<string, TimeSpan>();

        async Task LoadAsync(string phase, int from, int count)
        {
            var times = await Task.WhenAll(Enumerable.Range(from, count).Select(async i =>
            {
                var watch = Stopwatch.StartNew();
                var response = await EnrolAsync(client, sessionId, "Deelnemer " + i, $"p{i}@test.example");
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                return watch.Elapsed;
            }));
            slowest[phase] = times.Max();
        }

        await LoadAsync("relay up", 0, 30);
        await sink.StopAsync();
        await LoadAsync("relay down", 30, 30);
        await Task.Delay(1500); // the sender tries, fails and backs off meanwhile
        var duringOutage = sink.Count;
        await sink.StartAsync();
        await LoadAsync("relay back", 60, 30);

        var sender = factory.Services.GetRequiredService<OutboxSender>();
        for (var i = 0; i < 300 && (await sender.PendingAsync() > 0 || sink.Count < 90); i++) await Task.Delay(100);

        var received = sink.Received();
        var distinct = received.Select(m => m.MessageId).Distinct().Count();
        var addresses = received.Select(m => m.To.Mailboxes.Single().Address).ToHashSet();
        var lost = Enumerable.Range(0, 90).Count(i => !addresses.Contains($"p{i}@test.example"));
        await using var db = factory.Database.CreateContext();
        var retried = await db.Set<OutboxMessage>().CountAsync(m => m.Attempts > 1);
        output.WriteLine($"{provider}: 90 mails, {received.Length} received, {distinct} distinct Message-Ids, lost {lost}, duplicated {received.Length - distinct}; "
                         + $"{retried} needed more than one attempt; received while down: {duringOutage}; slowest request: "
                         + string.Join(", ", slowest.Select(s => $"{s.Key} {s.Value.TotalMilliseconds:F0} ms")));
        Assert.Equal(0, lost);
        Assert.Equal(90, received.Length);
        Assert.Equal(90, distinct);
        Assert.True(retried > 0, "The outage should have made some mails wait for a retry.");
        Assert.True(await db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null && m.FailedAt == null));
    }

    /// <summary>Two senders (two hosts) on one database deliver one batch at once: every mail exactly once.</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoInstancesDeliverAtOnce_EachMailHandedOverExactlyOnce(DatabaseProvider provider)
    {
        await using var factory = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
        factory.Settings["Gem:Mail:Outbox:BatchSize"] = "7";
        _ = factory.Services;
        await using var second = factory.WithWebHostBuilder(_ => { });
        await using (var db = factory.Database.CreateContext())
        {
            for (var i = 0; i < 200; i++) db.QueueText(DateTimeOffset.UtcNow, $"test.{i}", $"p{i}@test.example", "Test " + i, "Hallo");
            await db.SaveChangesAsync();
        }
        var handedOver = new ConcurrentBag<string>();
        OutboxSender Sender(IServiceProvider services) => new(services.GetRequiredService<IServiceScopeFactory>(), new CountingSender(handedOver),
            services.GetRequiredService<IOptions<MailOptions>>(), TimeProvider.System, NullLogger<OutboxSender>.Instance);

        async Task RunAsync(OutboxSender sender)
        {
            while (await sender.DeliverDueAsync() > 0) { }
        }
        await Task.WhenAll(RunAsync(Sender(factory.Services)), RunAsync(Sender(second.Services)), RunAsync(Sender(factory.Services)));

        Assert.Equal(200, handedOver.Count);
        Assert.Equal(200, handedOver.Distinct().Count());
        await using var check = factory.Database.CreateContext();
        Assert.Equal(200, await check.Set<OutboxMessage>().CountAsync(m => m.SentAt != null && m.Attempts == 1));
    }

    [SqliteOnly("the relay and mail format; the outbox claim and state queries run on both in this class")]
    [Fact]
    public async Task RelayDown_RetriedLaterWithGrowingDelay()
    {
        var o = new OutboxOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromHours(1) };
        Assert.Equal([30, 60, 120, 240, 3600], new[] { 1, 2, 3, 4, 20 }.Select(n => OutboxSender.Backoff(o, n).TotalSeconds));

        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false, start: false);
        factory.Settings["Gem:Mail:PickupDirectory"] = "";
        factory.Settings["Gem:Mail:SmtpHost"] = "127.0.0.1";
        factory.Settings["Gem:Mail:SmtpPort"] = "9"; // nothing listens: connection refused
        _ = factory.Services;
        await using (var db = factory.Database.CreateContext())
        {
            db.QueueText(DateTimeOffset.UtcNow, "test.down", "p@test.example", "Test", "Hallo");
            await db.SaveChangesAsync();
        }
        var sender = factory.Services.GetRequiredService<OutboxSender>();
        var before = DateTimeOffset.UtcNow;
        Assert.Equal(1, await sender.DeliverDueAsync());
        await using var check = factory.Database.CreateContext();
        var row = await check.Set<OutboxMessage>().SingleAsync();
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.Null(row.FailedAt);
        Assert.NotNull(row.LastError);
        Assert.InRange(row.DueAt, before + TimeSpan.FromSeconds(29), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(31));
        Assert.Equal(0, await sender.DeliverDueAsync()); // not due again yet
    }

    [SqliteOnly("the relay and mail format; the outbox claim and state queries run on both in this class")]
    [Fact]
    public async Task RelayRefusesARecipientForGood_MarkedFailed_TheOthersSent()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, seedDemo: false, start: false);
        UseSmtp(factory, sink);
        _ = factory.Services;
        await using (var db = factory.Database.CreateContext())
        {
            // Queued a second apart, so they are sent in this order: the refused one in the middle of the batch.
            db.QueueText(DateTimeOffset.UtcNow.AddSeconds(-3), "test.a", "a@test.example", "Test", "Hallo");
            db.QueueText(DateTimeOffset.UtcNow.AddSeconds(-2), "test.refused", "refuse@test.example", "Test", "Hallo");
            db.QueueText(DateTimeOffset.UtcNow.AddSeconds(-1), "test.b", "b@test.example", "Test", "Hallo");
            await db.SaveChangesAsync();
        }
        await factory.DeliverMailAsync();

        Assert.Equal(["a@test.example", "b@test.example"], sink.Received().Select(m => m.To.Mailboxes.Single().Address).Order());
        await using var check = factory.Database.CreateContext();
        var refused = await check.Set<OutboxMessage>().SingleAsync(m => m.Key == "test.refused");
        Assert.NotNull(refused.FailedAt);
        Assert.Null(refused.SentAt);
        Assert.Contains("550", refused.LastError ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void MailOptions_TheEnvironmentDecides_AndOnlySmtpHostMeansSmtp()
    {
        MailOptions Resolved(string environment, string? host = null, string? pickup = null)
        {
            var o = new MailOptions { SmtpHost = host, PickupDirectory = pickup };
            o.Resolve(environment, "/srv/gem");
            return o;
        }
        Assert.Equal((MailTransport.Pickup, "/srv/gem/data/mail"), (Resolved("Development").Transport, Resolved("Development").PickupDirectory));
        Assert.Equal(MailTransport.None, Resolved("Production").Transport);
        Assert.Equal(MailTransport.Smtp, Resolved("Production", host: "smtp.example.org").Transport);
        Assert.Equal(MailTransport.Smtp, Resolved("Development", host: "smtp.example.org").Transport);
        Assert.Equal(MailTransport.Pickup, Resolved("Production", pickup: "out").Transport);
        Assert.Equal("x@gem.example", new MailOptions().MessageId("x"));
        Assert.Equal("x@mail.example.org", new MailOptions { MessageIdDomain = "mail.example.org" }.MessageId("x"));
        Assert.Contains("SMTP to smtp.example.org:587", Resolved("Production", host: "smtp.example.org").Describe(), StringComparison.Ordinal);
    }

    /// <summary>A pickup file read by Python's email package (strict policy): CRLF only, 7-bit, transfer encodings set, no defects.</summary>
    [SqliteOnly("the relay and mail format; the outbox claim and state queries run on both in this class")]
    [Fact]
    public async Task PickupFile_IsRfcCorrect_PythonEmailAgrees()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(factory, FlowPolicy.Rolling, 10);
        Assert.Equal(HttpStatusCode.Created, (await EnrolAsync(factory.CreateClient(), sessionId, "Zoë Çelik", "zoe@test.example")).StatusCode);
        await factory.DeliverMailAsync();
        var file = Assert.Single(Directory.GetFiles(factory.MailFolder, "*.eml"));

        var bytes = await File.ReadAllBytesAsync(file);
        Assert.All(bytes, b => Assert.True(b < 128, "8-bit byte in the file"));
        for (var i = 0; i < bytes.Length; i++)
            if (bytes[i] == '\n') Assert.True(i > 0 && bytes[i - 1] == '\r', "bare LF at byte " + i);

        const string Check = """
            import email, email.policy, sys
            raw = open(sys.argv[1], 'rb').read()
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            defects = list(msg.defects)
            for part in msg.walk():
                defects += list(part.defects)
                if not part.is_multipart():
                    cte = part['Content-Transfer-Encoding']
                    if cte is None or cte.lower() not in ('quoted-printable', 'base64', '7bit'):
                        print('bad transfer encoding', part.get_content_type(), cte); sys.exit(1)
            if defects: print('defects', defects); sys.exit(1)
            body = msg.get_body(('plain',)).get_content()
            cal = [p for p in msg.walk() if p.get_content_type() == 'text/calendar']
            print(msg['Message-Id'], '|', msg['To'], '|', 'Zoë Çelik' in body, '|', len(cal))
            """;
        var info = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Check);
        info.ArgumentList.Add(file);
        using var python = Process.Start(info)!;
        var stdout = await python.StandardOutput.ReadToEndAsync();
        var stderr = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        output.WriteLine(stdout + stderr);
        Assert.Equal(0, python.ExitCode);
        var fields = stdout.Trim().Split(" | ");
        Assert.Matches("^<confirm\\.[0-9a-f]{32}@mail\\.test\\.example>$", fields[0]);
        Assert.Contains("zoe@test.example", fields[1], StringComparison.Ordinal);
        Assert.Equal(["True", "1"], fields[2..]);
    }

    /// <summary>
    /// Two web hosts (in-process, two DI containers and key-ring caches) on one database with the key ring encrypted by a
    /// certificate: a sign-in cookie made by one opens pages on the other, and the stored keys are not readable.
    /// </summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoInstances_OneDatabase_ACookieFromOneWorksOnTheOther_KeysEncryptedAtRest(DatabaseProvider provider)
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"gem-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Gem Data Protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "geheim"));
        }
        try
        {
            await using var a = await GemWebFactory.CreateAsync(provider, seedDemo: false, start: false);
            a.Settings["Gem:DataProtection:CertificatePath"] = pfx;
            a.Settings["Gem:DataProtection:CertificatePassword"] = "geheim";
            var citizen = await a.CreateUserAsync(Roles.Citizen);
            await using var b = a.WithWebHostBuilder(_ => { }); // a second host on the same database and settings

            var signIn = a.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
            var response = await signIn.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(signIn, citizen.Email!, WebTestExtensions.Password));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gem.auth=", StringComparison.Ordinal)).Split(';')[0];

            var onB = b.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/mijn");
            withCookie.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await onB.SendAsync(withCookie)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await onB.GetAsync("/mijn")).StatusCode);

            await using var db = a.Database.CreateContext();
            var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private sealed class CountingSender(ConcurrentBag<string> handedOver) : IMailSender, IMailConnection
    {
        public Task<IMailConnection> ConnectAsync(CancellationToken ct = default) => Task.FromResult<IMailConnection>(this);

        public Task SendAsync(MimeMessage message, CancellationToken ct = default)
        {
            handedOver.Add(message.MessageId ?? "");
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
