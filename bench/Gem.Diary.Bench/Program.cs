using System.Diagnostics;
using System.Globalization;
using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Diary bench (issue 15): the scheduler for N people in one region, then the day's prompts sent as real Web Push
// (VAPID + aes128gcm per message) to a push service on loopback by two sender instances on one PostgreSQL, on a clock
// that runs F times faster than real time (the day's load squeezed F-fold). Lateness = real time between a moment
// becoming due and the push service's 201, p50/p99, against the goal p99 < 5 s; plus memory.
// Usage: dotnet run -c Release --project bench/Gem.Diary.Bench -- [people=100000] [factor=60] [hours=13.5] [perDay=8] [parallelism=64]
// PostgreSQL: GEM_TEST_POSTGRES, or a throwaway cluster started by Gem.Testing.PostgresServer.
var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var factor = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 60;
var hours = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 13.5;
var perDay = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 8;
var parallelism = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 64;

var root = AppContext.BaseDirectory;
while (root is not null && !File.Exists(Path.Combine(root, "Gem.sln"))) root = Path.GetDirectoryName(root);
Environment.SetEnvironmentVariable("GEM_WEB_CONTENT_ROOT", Path.Combine(root ?? ".", "src", "Gem.Web"));
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");

// 1. Plan every person's day (pure).
var day = new DateOnly(2026, 6, 10);
var from = new TimeOnly(8, 30);
var until = new TimeOnly(22, 0);
var startedAt = DiaryScheduler.ToUtc(day.AddDays(-1), new TimeOnly(12, 0), LocalTime.Zone);
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var planWatch = Stopwatch.StartNew();
var plans = new List<PlannedMoment>[people];
for (var i = 0; i < people; i++)
    plans[i] = [.. DiaryScheduler.Plan(new DiarySchedule(day, 1, from, until, perDay, TimeSpan.FromMinutes(30), i), startedAt)];
planWatch.Stop();
var planned = plans.Sum(p => p.Count);
Console.WriteLine($"Scheduler: {people:N0} people, {planned:N0} moments planned in {planWatch.Elapsed.TotalMilliseconds:N0} ms "
                  + $"({planWatch.Elapsed.TotalMicroseconds / people:N1} µs a person), {(GC.GetTotalAllocatedBytes(true) - allocatedBefore) / 1048576.0:N0} MB allocated");

// 2. The region in the database: people, diaries, the moments of the first `hours` of the window, one browser each.
var sliceStart = DiaryScheduler.ToUtc(day, from, LocalTime.Zone);
var sliceEnd = sliceStart + TimeSpan.FromHours(hours);
await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Postgres, seedDemo: false, start: false);
factory.Settings["Gem:Diary:Parallelism"] = parallelism.ToString(CultureInfo.InvariantCulture);
_ = factory.Services;
await using var push = new TestPushService();
using var keys = new TestBrowserKeys();
var loadWatch = Stopwatch.StartNew();
var slice = 0;
for (var chunk = 0; chunk < people; chunk += 5000)
{
    await using var db = factory.Database.CreateContext();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    for (var i = chunk; i < Math.Min(people, chunk + 5000); i++)
    {
        var email = $"b{i}@bench.gem.example";
        var user = new GemUser { Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true };
        db.Users.Add(user);
        var diary = new PersonalDiary
        {
            OwnerId = user.Id, StartedAt = startedAt, FirstDay = day, Days = 1, WakeFromMinutes = 8 * 60 + 30, WakeUntilMinutes = 22 * 60, PerDay = perDay,
            MinGapMinutes = 30, Seed = i, ExpiryMinutes = 15,
        };
        db.Add(diary);
        foreach (var m in plans[i].Where(m => m.At < sliceEnd))
        {
            db.Add(new DiaryMoment { DiaryId = diary.Id, OwnerId = user.Id, Day = 0, PlannedAt = m.At, ExpiresAt = m.At.AddMinutes(15) });
            slice++;
        }
        db.Add(new DiaryPushSubscription { OwnerId = user.Id, Endpoint = $"{push.BaseUrl}push/{i}", P256dh = keys.P256dh, Auth = keys.Auth, CreatedAt = startedAt });
    }
    await db.SaveChangesAsync();
}
Console.WriteLine($"Loaded {people:N0} people and {slice:N0} moments ({hours} h of the window) in {loadWatch.Elapsed.TotalSeconds:N0} s");

// 3. Two sender instances on a clock F times faster than real time, starting at the window's start.
var clock = new ScaledClock(sliceStart - TimeSpan.FromSeconds(1), factor);
DiaryPromptSender Sender() => new(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<DiaryPush>(),
    factory.Services.GetRequiredService<IOptions<DiaryOptions>>(), factory.Services.GetRequiredService<IOptions<MailOptions>>(), clock, NullLogger<DiaryPromptSender>.Instance);
await factory.Services.GetRequiredService<DiaryPush>().PublicKeyAsync(); // the VAPID key is made before the clock starts
var realRun = TimeSpan.FromHours(hours) / factor + TimeSpan.FromSeconds(30);
Console.WriteLine($"Sending at {factor}× real time: {hours} h of the day in {(TimeSpan.FromHours(hours) / factor).TotalMinutes:N1} real minutes, two instances");
var sendWatch = Stopwatch.StartNew();
clock.Start();
var stop = DateTime.UtcNow + realRun;
await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
{
    var sender = Sender();
    while (DateTime.UtcNow < stop)
    {
        var pass = await sender.RunOnceAsync();
        if (pass.Sent == 0)
        {
            if (clock.GetUtcNow() > sliceEnd + TimeSpan.FromMinutes(16)) break;
            await Task.Delay(20);
        }
    }
})));
sendWatch.Stop();

// 4. Lateness against the planned moment, in real seconds (virtual lateness / F).
List<(DateTimeOffset Planned, DateTimeOffset Sent)> sent;
int unsent;
await using (var db = factory.Database.CreateContext())
{
    // Pushed prompts only: a moment that expired in its batch is settled with a SentAt but no channel.
    sent = (await db.Set<DiaryMoment>().Where(m => m.SentAt != null && m.Channel == DiaryChannel.Push).Select(m => new { m.PlannedAt, m.SentAt }).ToListAsync())
        .Select(m => (m.PlannedAt, m.SentAt!.Value)).ToList();
    unsent = await db.Set<DiaryMoment>().CountAsync(m => m.SentAt == null || m.Channel != DiaryChannel.Push);
}
var lateness = sent.Select(s => (s.Sent - s.Planned).TotalSeconds / factor).Order().ToArray();
double P(double q) => lateness.Length == 0 ? double.NaN : lateness[Math.Min(lateness.Length - 1, (int)Math.Ceiling(q * lateness.Length) - 1)];
// A reminder (halfway to expiry) has the moment's Topic too: told apart by its decrypted title.
var accepted = push.Accepted;
var reminders = accepted.Where(p => keys.Decrypt(p.Body).Contains("Nog even?", StringComparison.Ordinal)).ToList();
var prompts = accepted.Except(reminders).ToList();
var promptTwice = prompts.Count - prompts.Select(p => p.Topic).Distinct().Count();
var reminderTwice = reminders.Count - reminders.Select(p => p.Topic).Distinct().Count();
using var process = Process.GetCurrentProcess();
Console.WriteLine($"Pushed {sent.Count:N0} of {slice:N0} moments ({unsent:N0} not pushed: expired before their turn) in {sendWatch.Elapsed.TotalSeconds:N0} s real");
Console.WriteLine($"Push service received {prompts.Count:N0} prompts ({promptTwice:N0} of them a second time for the same moment) and {reminders.Count:N0} reminders ({reminderTwice:N0} a second time)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Lateness vs planned (real seconds, at {factor}x load): p50 {P(0.50):0.000} s, p99 {P(0.99):0.000} s, max {lateness.LastOrDefault():0.000} s  (goal p99 < 5 s: {(P(0.99) < 5 ? "met" : "NOT met")})"));
Console.WriteLine($"Throughput {sent.Count / sendWatch.Elapsed.TotalSeconds:N0} pushes/s; memory: peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB, GC heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB");

/// <summary>
/// A clock that, once started, runs <c>factor</c> times faster than real time from a given instant; its timers too (the
/// sender's poll delay, the claim's lease and its renewal), so a 2-minute lease lasts 2 virtual minutes.
/// </summary>
sealed class ScaledClock(DateTimeOffset start, double factor) : TimeProvider
{
    private long _startTicks;
    public void Start() => _startTicks = Stopwatch.GetTimestamp();
    public override DateTimeOffset GetUtcNow() =>
        _startTicks == 0 ? start : start + TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_startTicks).Ticks * factor));
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(base.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);
    private TimeSpan Scale(TimeSpan t) => t == Timeout.InfiniteTimeSpan || t <= TimeSpan.Zero ? t : t / factor;

    private sealed class ScaledTimer(ITimer inner, ScaledClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));
        public void Dispose() => inner.Dispose();
        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
