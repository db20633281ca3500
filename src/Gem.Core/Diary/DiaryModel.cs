using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Diary;

/// <summary>
/// A diary the person keeps for some days: their waking window, moments per day, minimum gap and the seed that makes the
/// schedule reproducible (<see cref="DiaryScheduler"/>). One running diary per person at a time.
/// </summary>
public class PersonalDiary
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OwnerId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateOnly FirstDay { get; set; }
    public int Days { get; set; }
    /// <summary>Waking window in local minutes after midnight (Europe/Amsterdam wall clock).</summary>
    public int WakeFromMinutes { get; set; }
    public int WakeUntilMinutes { get; set; }
    public int PerDay { get; set; }
    public int MinGapMinutes { get; set; }
    public int Seed { get; set; }
    /// <summary>How long a moment can be answered as "now"; later answers are kept but flagged late.</summary>
    public int ExpiryMinutes { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    /// <summary>When the person was told that two prompts in a row seemed not to arrive.</summary>
    public DateTimeOffset? SilentNoticeAt { get; set; }

    public DiarySchedule Schedule() => new(FirstDay, Days, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(WakeFromMinutes)),
        TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(WakeUntilMinutes)), PerDay, TimeSpan.FromMinutes(MinGapMinutes), Seed);
}

public enum DiaryChannel { None = 0, Push = 1, Mail = 2, Sms = 3 }

public enum DiaryPlace { Home = 1, WorkOrSchool = 2, Outside = 3, OnTheWay = 4, ElsewhereIndoors = 5 }
public enum DiaryCompany { Alone = 1, PartnerOrFamily = 2, Friends = 3, Colleagues = 4, Others = 5 }
public enum DiaryActivity { WorkOrStudy = 1, Household = 2, Resting = 3, Screen = 4, Moving = 5, Together = 6, Eating = 7, Other = 8 }

/// <summary>
/// One moment: when it was planned, how its prompt travelled (sent → delivered → opened → answered, each with its time)
/// and the answer. The one-time <see cref="Token"/> is the link in the prompt; once answered or skipped it opens nothing.
/// A moment is claimed for sending with a lease (<see cref="ClaimedBy"/>, <see cref="ClaimedUntil"/>), as the outbox.
/// </summary>
public class DiaryMoment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid DiaryId { get; set; }
    public Guid OwnerId { get; set; }
    public int Day { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    /// <summary>A test prompt asked for at setup: not part of the figures.</summary>
    public bool IsTest { get; set; }
    public string Token { get; set; } = NewToken();

    public Guid? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DiaryChannel Channel { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ReminderAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>"Niet nu": the person saw the prompt and chose not to answer; not counted as missed.</summary>
    public DateTimeOffset? SkippedAt { get; set; }
    /// <summary>Answered after <see cref="ExpiresAt"/>: kept, shown, left out of the momentary figures.</summary>
    public bool Late { get; set; }

    public int? Cheerful { get; set; }
    public int? Down { get; set; }
    public int? Anxious { get; set; }
    public int? Relaxed { get; set; }
    public int? Irritated { get; set; }
    public DiaryPlace? Place { get; set; }
    public DiaryCompany? Company { get; set; }
    public DiaryActivity? Activity { get; set; }
    public bool? RatherElse { get; set; }
    public string? Word { get; set; }

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Sent (by push or mail: a moment settled with no channel never went out), and by its expiry neither delivered,
    /// opened, answered nor skipped: the prompt seems not to have arrived.
    /// </summary>
    public bool IsSilent(DateTimeOffset now) =>
        SentAt is not null && Channel != DiaryChannel.None && ExpiresAt <= now && DeliveredAt is null && OpenedAt is null && AnsweredAt is null && SkippedAt is null;
}

/// <summary>A browser's Web Push subscription (RFC 8030 endpoint with the RFC 8291 keys) for one person.</summary>
public class DiaryPushSubscription
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OwnerId { get; set; }
    public required string Endpoint { get; set; }
    public required string P256dh { get; set; }
    public required string Auth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The VAPID key pair the site signs its pushes with when none is configured: made once, shared by all instances.</summary>
public class DiaryVapidKey
{
    public int Id { get; set; }
    public required string PublicKey { get; set; }
    public required string PrivateKey { get; set; }
}

internal sealed class PersonalDiaryConfiguration : IEntityTypeConfiguration<PersonalDiary>
{
    public void Configure(EntityTypeBuilder<PersonalDiary> b)
    {
        b.ToTable("Diaries");
        b.HasIndex(d => d.OwnerId);
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiaryMomentConfiguration : IEntityTypeConfiguration<DiaryMoment>
{
    public void Configure(EntityTypeBuilder<DiaryMoment> b)
    {
        b.ToTable("DiaryMoments");
        b.Property(m => m.Token).HasMaxLength(32);
        b.HasIndex(m => m.Token).IsUnique();
        b.Property(m => m.Word).HasMaxLength(40);
        b.HasIndex(m => new { m.SentAt, m.PlannedAt });
        b.HasIndex(m => new { m.DiaryId, m.PlannedAt });
        b.HasIndex(m => m.OwnerId);
        b.HasOne<PersonalDiary>().WithMany().HasForeignKey(m => m.DiaryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiaryPushSubscriptionConfiguration : IEntityTypeConfiguration<DiaryPushSubscription>
{
    public void Configure(EntityTypeBuilder<DiaryPushSubscription> b)
    {
        b.ToTable("DiaryPushSubscriptions");
        b.Property(s => s.Endpoint).HasMaxLength(1000);
        b.HasIndex(s => s.Endpoint).IsUnique();
        b.Property(s => s.P256dh).HasMaxLength(200);
        b.Property(s => s.Auth).HasMaxLength(100);
        b.HasIndex(s => s.OwnerId);
        b.HasOne<Identity.GemUser>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DiaryVapidKeyConfiguration : IEntityTypeConfiguration<DiaryVapidKey>
{
    public void Configure(EntityTypeBuilder<DiaryVapidKey> b)
    {
        b.ToTable("DiaryVapidKeys");
        b.Property(k => k.Id).ValueGeneratedNever();
        b.Property(k => k.PublicKey).HasMaxLength(200);
        b.Property(k => k.PrivateKey).HasMaxLength(200);
    }
}
