using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Mail;
using Gem.Testing;
using Microsoft.AspNetCore.TestHost;
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

    public async Task InitializeAsync()
    {
        _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var sessionId = await EnrolmentConcurrencyTests.PrepareAsync(_factory, FlowPolicy.Rolling, 10);
        await using var scope = _factory.Services.CreateAsyncScope();
        var enrolments = scope.ServiceProvider.GetRequiredService<EnrolmentService>();
        foreach (var name in new[] { "Ada", "Bo", "Cas" })
            await enrolments.EnrolAsync(sessionId, new EnrolmentRequest(name, $"{name.ToLowerInvariant()}@test.example", null));
        await enrolments.EnrolAsync(sessionId, new EnrolmentRequest("Dex", null, "0612345678")); // phone only: no mail
        await using var db = _factory.Database.CreateContext();
        _session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
        foreach (var f in Directory.GetFiles(_factory.MailFolder)) File.Delete(f); // drop the confirmations
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private ReminderService Service(IServiceProvider services, TimeProvider clock) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<ReminderService>.Instance);

    private string[] Reminders() => Directory.GetFiles(_factory.MailFolder, "reminder.*.eml");

    [Fact]
    public async Task RunOnce_DayBefore_SendsEachPersonOneReminderAndNeverTwice()
    {
        var clock = new FakeTimeProvider(_session.Start.AddHours(-20));
        var service = Service(_factory.Services, clock);

        Assert.Equal(3, await service.RunOnceAsync());
        Assert.Equal(0, await service.RunOnceAsync());

        Assert.Equal(3, Reminders().Length);
        var message = await MimeMessage.LoadAsync(Reminders()[0]);
        Assert.StartsWith("Morgen: ", message.Subject, StringComparison.Ordinal);
        Assert.Contains(message.Attachments, a => a.ContentType.MimeType == "text/calendar");
    }

    [Fact]
    public async Task RunOnce_TwoDaysBefore_SendsNothingYet()
    {
        var service = Service(_factory.Services, new FakeTimeProvider(_session.Start.AddHours(-30)));
        Assert.Equal(0, await service.RunOnceAsync());
        Assert.Empty(Reminders());
    }

    [Theory]
    [InlineData(false)] // crash before the second mail left
    [InlineData(true)]  // crash after the second mail left, before it was marked sent
    public async Task Restart_InTheMiddleOfABatch_NoDuplicateAndNoLostReminder(bool crashAfterSending)
    {
        var clock = new FakeTimeProvider(_session.Start.AddHours(-20));
        var crashing = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddSingleton<IMailSender>(p => new CrashingSender(ActivatorUtilities.CreateInstance<MailSender>(p), crashAt: 2, crashAfterSending))));

        await Assert.ThrowsAsync<IOException>(() => Service(crashing.Services, clock).RunOnceAsync());
        Assert.Equal(crashAfterSending ? 2 : 1, Reminders().Length);

        // The restarted host (the real sender) finishes the batch.
        Assert.Equal(crashAfterSending ? 2 : 2, await Service(_factory.Services, clock).RunOnceAsync());
        Assert.Equal(3, Reminders().Length);
        await using var db = _factory.Database.CreateContext();
        Assert.Equal(3, await db.Reminders.CountAsync(r => r.SessionId == _session.Id && r.State == ReminderState.Sent));
        await crashing.DisposeAsync();
    }

    [Fact]
    public async Task HostedService_WithAFakeClock_SendsWhenTheClockReachesTheDayBefore()
    {
        var clock = new FakeTimeProvider(_session.Start.AddHours(-26));
        var service = Service(_factory.Services, clock);
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(200);
            Assert.Empty(Reminders());
            clock.Advance(TimeSpan.FromHours(2) + ReminderService.Interval);
            for (var i = 0; i < 50 && Reminders().Length < 3; i++) await Task.Delay(100);
            Assert.Equal(3, Reminders().Length);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Test double around the real sender: fails at the n-th message, before or after the real send.</summary>
    private sealed class CrashingSender(IMailSender inner, int crashAt, bool afterSending) : IMailSender
    {
        private int _count;

        public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
        {
            if (Interlocked.Increment(ref _count) == crashAt)
            {
                if (afterSending) await inner.SendAsync(message, ct);
                throw new IOException("Simulated crash of the mail host.");
            }
            await inner.SendAsync(message, ct);
        }
    }
}
