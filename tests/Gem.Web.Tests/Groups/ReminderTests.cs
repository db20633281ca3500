using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Mail;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Gem.Web.Tests.Groups;

/// <summary>The day-before reminder: once per person and session, across restarts, driven by a fake clock.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;
    private Session _session = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The host with one session tomorrow-ish and four people enrolled (three with an address).</summary>
    private async Task StartAsync(DatabaseProvider provider)
    {
        _factory = await GemWebFactory.CreateAsync(provider);
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Rolling, 10);
        await using var scope = _factory.Services.CreateAsyncScope();
        var enrolments = scope.ServiceProvider.GetRequiredService<EnrolmentService>();
        foreach (var name in new[] { "Ada", "Bo", "Cas" })
            await enrolments.EnrolAsync(sessionId, new EnrolmentRequest(name, $"{name.ToLowerInvariant()}@test.example", null));
        await enrolments.EnrolAsync(sessionId, new EnrolmentRequest("Dex", null, "0612345678")); // phone only: no mail
        await using var db = _factory.Database.CreateContext();
        _session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
        await _factory.DeliverMailAsync();
        foreach (var f in Directory.GetFiles(_factory.MailFolder)) File.Delete(f); // drop the confirmations
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }

    private ReminderService Service(IServiceProvider services, TimeProvider clock) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ReminderService>.Instance);

    private string[] Reminders() => Directory.GetFiles(_factory.MailFolder, "reminder.*.eml");

    private OutboxSender Sender(TimeProvider clock, IMailSender? transport = null)
    {
        var services = _factory.Services;
        return new(services.GetRequiredService<IServiceScopeFactory>(), transport ?? services.GetRequiredService<IMailSender>(),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>(), clock, NullLogger<OutboxSender>.Instance);
    }

    /// <summary>Delivers what is due by the test's clock (reminders are queued at the fake "now").</summary>
    private async Task DeliverAsync(TimeProvider clock)
    {
        var sender = Sender(clock);
        while (await sender.DeliverDueAsync() > 0) { }
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunOnce_DayBefore_QueuesEachPersonOneReminderAndNeverTwice(DatabaseProvider provider)
    {
        await StartAsync(provider);
        var clock = new FakeTimeProvider(_session.Start.AddHours(-20));
        var service = Service(_factory.Services, clock);

        Assert.Equal(3, await service.RunOnceAsync());
        Assert.Equal(0, await service.RunOnceAsync());
        Assert.Empty(Reminders()); // queued, not sent inside the pass

        await DeliverAsync(clock);
        Assert.Equal(3, Reminders().Length);
        var message = await MimeMessage.LoadAsync(Reminders()[0]);
        Assert.StartsWith("Morgen: ", message.Subject, StringComparison.Ordinal);
        Assert.EndsWith("@mail.test.example", message.MessageId, StringComparison.Ordinal);
        Assert.Contains(message.Attachments, a => a.ContentType.MimeType == "text/calendar");
    }

    [SqliteOnly("the window boundary; the reminder query runs on both in RunOnce_DayBefore")]
    [Fact]
    public async Task RunOnce_TwoDaysBefore_SendsNothingYet()
    {
        await StartAsync(DatabaseProvider.Sqlite);
        var service = Service(_factory.Services, new FakeTimeProvider(_session.Start.AddHours(-30)));
        Assert.Equal(0, await service.RunOnceAsync());
        await DeliverAsync(new FakeTimeProvider(_session.Start.AddHours(-30)));
        Assert.Empty(Reminders());
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TwoInstancesAtOnce_EachReminderQueuedOnce(DatabaseProvider provider)
    {
        await StartAsync(provider);
        var clock = new FakeTimeProvider(_session.Start.AddHours(-20));
        await using var second = _factory.WithWebHostBuilder(_ => { });
        var counts = await Task.WhenAll(Service(_factory.Services, clock).RunOnceAsync(), Service(second.Services, clock).RunOnceAsync());
        Assert.Equal(3, counts.Sum());
        await using var db = _factory.Database.CreateContext();
        Assert.Equal(3, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == EnrolmentMail.ReminderKind));
    }

    [SqliteOnly("the outbox claim runs on both in OutboxTests (TwoInstancesDeliverAtOnce) and InstanceKillTests")]
    [Theory]
    [InlineData(false)] // the sender dies before the second mail left
    [InlineData(true)]  // the sender dies after the second mail left, before it was marked sent
    public async Task SenderDiesInTheMiddleOfABatch_NoLostMail_AndAResendHasTheSameMessageId(bool crashAfterSending)
    {
        await StartAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(_session.Start.AddHours(-20));
        Assert.Equal(3, await Service(_factory.Services, clock).RunOnceAsync());
        var real = _factory.Services.GetRequiredService<IMailSender>();

        // A cancellation escapes the sender like a dying process: its claim stays on the rows it had not marked.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender(clock, new DyingSender(real, dieAt: 2, crashAfterSending)).DeliverDueAsync());
        Assert.Equal(crashAfterSending ? 2 : 1, Reminders().Length);

        // Another instance finds nothing to take while the claim holds, and the rest once its lease has passed.
        var other = Sender(clock);
        Assert.Equal(0, await other.DeliverDueAsync());
        clock.Advance(new OutboxOptions().ClaimLease + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await other.DeliverDueAsync());
        Assert.Equal(3, Reminders().Length); // the resent second mail has the same Message-Id, so the same file
        await using var db = _factory.Database.CreateContext();
        Assert.Equal(3, await db.Set<OutboxMessage>().CountAsync(m => m.Kind == EnrolmentMail.ReminderKind && m.SentAt != null));
    }

    [SqliteOnly("the hosted service timer; the reminder query runs on both in RunOnce_DayBefore")]
    [Fact]
    public async Task HostedService_WithAFakeClock_QueuesWhenTheClockReachesTheDayBefore()
    {
        await StartAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(_session.Start.AddHours(-26));
        var service = Service(_factory.Services, clock);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(200);
            await DeliverAsync(clock);
            Assert.Empty(Reminders());
            clock.Advance(TimeSpan.FromHours(2) + ReminderService.Interval);
            for (var i = 0; i < 50 && Reminders().Length < 3; i++)
            {
                await Task.Delay(100);
                await DeliverAsync(clock);
            }
            Assert.Equal(3, Reminders().Length);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Test double around the real transport: at the n-th message the process "dies" (a cancellation), before or after the real send.</summary>
    private sealed class DyingSender(IMailSender inner, int dieAt, bool afterSending) : IMailSender
    {
        private readonly int _dieAt = dieAt;
        private readonly bool _afterSending = afterSending;
        private int _count;

        public async Task<IMailConnection> ConnectAsync(CancellationToken ct = default) => new Connection(this, await inner.ConnectAsync(ct));

        private sealed class Connection(DyingSender owner, IMailConnection inner) : IMailConnection
        {
            public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
            {
                if (Interlocked.Increment(ref owner._count) == owner._dieAt)
                {
                    if (owner._afterSending) await inner.SendAsync(message, ct);
                    throw new OperationCanceledException("Simulated death of the sending process.");
                }
                await inner.SendAsync(message, ct);
            }

            public ValueTask DisposeAsync() => inner.DisposeAsync();
        }
    }
}
