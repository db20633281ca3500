using System.ComponentModel.DataAnnotations;

namespace Gem.Core.Diary;

/// <summary>Section <c>Gem:Diary</c>: defaults a person starts with, expiry, the sender's pace and the VAPID keys.</summary>
public sealed class DiaryOptions
{
    public const string Section = "Gem:Diary";
    [Range(1, DiarySchedule.MaxDays)] public int DefaultDays { get; set; } = 5;
    [Range(1, DiarySchedule.MaxPerDay)] public int DefaultPerDay { get; set; } = 8;
    public TimeOnly DefaultWakeFrom { get; set; } = new(8, 30);
    public TimeOnly DefaultWakeUntil { get; set; } = new(22, 0);
    [Range(0, 180)] public int DefaultMinGapMinutes { get; set; } = 30;
    /// <summary>How long a moment counts as "now"; one reminder goes out halfway.</summary>
    [Range(2, 240)] public int ExpiryMinutes { get; set; } = 15;
    /// <summary>How many moments one sender pass claims.</summary>
    [Range(1, 10_000)] public int BatchSize { get; set; } = 500;
    /// <summary>Parallel pushes within a pass.</summary>
    [Range(1, 256)] public int Parallelism { get; set; } = 32;
    /// <summary>
    /// A pass's claim on its moments, renewed every third of it. At least four push timeouts (<see cref="DiaryPush"/>,
    /// 30 s): a push under way when the claim lapses may finish until a quarter lease later; a shorter lease cancels pushes
    /// the push service may already have accepted, and the next claim sends them again.
    /// </summary>
    [Range(typeof(TimeSpan), "00:02:00", "01:00:00")] public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>VAPID key pair (base64url, P-256): the public key as an uncompressed point, the private key as its 32 bytes. Empty: made once and kept in the database, the private key protected with Data Protection.</summary>
    public string? VapidPublicKey { get; set; }
    public string? VapidPrivateKey { get; set; }
    /// <summary>The contact push services may use (RFC 8292 "sub").</summary>
    public string VapidSubject { get; set; } = "mailto:dagboek@gem.example";
}
