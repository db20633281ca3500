using System.Globalization;
using Microsoft.Extensions.Options;

namespace Gem.Core.Sms;

/// <summary>Where text messages go: <see cref="Pickup"/> writes .txt files (development), <see cref="None"/> keeps them in the outbox.</summary>
public enum SmsTransport { None, Pickup }

/// <summary>
/// Hands one text message to whatever delivers it (a pickup folder now; an SMS gateway is one more implementation).
/// The same <paramref name="key"/> sent twice must land once.
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string key, string to, string text, CancellationToken ct = default);
}

/// <summary>
/// Section <c>Gem:Sms</c>, decided like mail: an explicit <see cref="Transport"/> wins; a <see cref="PickupDirectory"/>
/// means files; with neither, Development writes to <c>data/sms</c> and any other environment keeps messages in the outbox.
/// </summary>
public sealed class SmsOptions
{
    public const string Section = "Gem:Sms";
    public SmsTransport? Transport { get; set; }
    public string? PickupDirectory { get; set; }
    /// <summary>Switch the background sender off (tests drive <see cref="SmsOutboxSender.DeliverDueAsync"/> themselves).</summary>
    public bool Enabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public int BatchSize { get; set; } = 50;
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    public int MaxAttempts { get; set; } = 20;
    /// <summary>Sent messages (with phone numbers and links) are deleted after this long.</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(7);

    public void Resolve(string environmentName, string contentRoot)
    {
        PickupDirectory = string.IsNullOrWhiteSpace(PickupDirectory) ? null : Path.GetFullPath(PickupDirectory, contentRoot);
        Transport ??= PickupDirectory is not null || environmentName == "Development" ? SmsTransport.Pickup : SmsTransport.None;
        if (Transport == SmsTransport.Pickup) PickupDirectory ??= Path.GetFullPath("data/sms", contentRoot);
    }

    public string Describe() => Transport == SmsTransport.Pickup
        ? $"Text messages are written as .txt files to {PickupDirectory} (no SMS gateway)"
        : "No SMS transport configured (Gem:Sms): text messages are kept in the outbox";
}

/// <summary>The development pickup: one UTF-8 .txt file per message, named after its key, written whole (temp file, then move).</summary>
public sealed class PickupSmsSender(IOptions<SmsOptions> options) : ISmsSender
{
    public async Task SendAsync(string key, string to, string text, CancellationToken ct = default)
    {
        var folder = options.Value.PickupDirectory ?? throw new InvalidOperationException("No SMS pickup folder: set Gem:Sms:PickupDirectory.");
        Directory.CreateDirectory(folder);
        var name = string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".txt";
        var final = Path.Combine(folder, name);
        var temp = final + ".tmp";
        await File.WriteAllTextAsync(temp, string.Create(CultureInfo.InvariantCulture, $"To: {to}\n\n{text}\n"), ct);
        File.Move(temp, final, overwrite: true);
    }
}
