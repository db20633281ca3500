using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Gem.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gem.Web.Tests.Diary;

/// <summary>Helpers for diary tests: people with a diary and a moment due, their browsers' subscriptions, and senders on a test clock.</summary>
public static class DiaryWorld
{
    /// <summary>
    /// <paramref name="people"/> citizens (rows written directly: no passwords needed), each with a running diary, one moment
    /// planned at <paramref name="plannedAt"/> and, with <paramref name="push"/>, a subscription at its own path on the test push service.
    /// </summary>
    public static async Task<List<DiaryMoment>> SeedAsync(TestDatabase database, int people, DateTimeOffset plannedAt, TestPushService? push, TestBrowserKeys? keys, string tag = "p")
    {
        await using var db = database.CreateContext();
        var moments = new List<DiaryMoment>();
        for (var i = 0; i < people; i++)
        {
            var email = $"diary-{tag}{i}-{Guid.NewGuid():N}@test.gem.example";
            var user = new GemUser { Id = Guid.NewGuid(), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            var diary = new PersonalDiary
            {
                OwnerId = user.Id, StartedAt = plannedAt.AddHours(-1), FirstDay = LocalTime.Day(plannedAt), Days = 5, WakeFromMinutes = 0, WakeUntilMinutes = 23 * 60 + 59,
                PerDay = 8, MinGapMinutes = 15, Seed = i, ExpiryMinutes = 15,
            };
            db.Add(diary);
            var moment = new DiaryMoment { DiaryId = diary.Id, OwnerId = user.Id, Day = 0, PlannedAt = plannedAt, ExpiresAt = plannedAt.AddMinutes(15) };
            db.Add(moment);
            moments.Add(moment);
            if (push is not null && keys is not null)
                db.Add(new DiaryPushSubscription { OwnerId = user.Id, Endpoint = $"{push.BaseUrl}push/{tag}{i}", P256dh = keys.P256dh, Auth = keys.Auth, CreatedAt = plannedAt });
        }
        await db.SaveChangesAsync();
        return moments;
    }

    /// <summary>The host's diary sender, but on the given clock (as ReminderTests do for reminders).</summary>
    public static DiaryPromptSender Sender(GemWebFactory factory, TimeProvider clock)
    {
        var s = factory.Services;
        return new DiaryPromptSender(s.GetRequiredService<IServiceScopeFactory>(), s.GetRequiredService<DiaryPush>(), s.GetRequiredService<IOptions<DiaryOptions>>(),
            s.GetRequiredService<IOptions<MailOptions>>(), clock, NullLogger<DiaryPromptSender>.Instance);
    }

    /// <summary>Delivers the outbox by the test's clock (diary mail is queued at the test's "now").</summary>
    public static async Task DeliverMailAsync(GemWebFactory factory, TimeProvider clock)
    {
        var s = factory.Services;
        var sender = new OutboxSender(s.GetRequiredService<IServiceScopeFactory>(), s.GetRequiredService<IMailSender>(), s.GetRequiredService<IOptions<MailOptions>>(),
            clock, NullLogger<OutboxSender>.Instance);
        while (await sender.DeliverDueAsync() > 0) { }
    }

    public static GemDbContext Db(GemWebFactory factory) => factory.Database.CreateContext();
}
