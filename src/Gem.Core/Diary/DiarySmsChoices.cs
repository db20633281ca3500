using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Diary;

/// <summary>
/// The person's choice to get diary prompts by SMS when they cannot go as Web Push (instead of mail). The number is the
/// account's own phone number (<c>PhoneNumber</c>), asked on /mijn/dagboek/sms when the account has none.
/// </summary>
public sealed class DiarySmsChoices(GemDbContext db, TimeProvider clock)
{
    public sealed record State(bool BySms, string? Phone);

    public async Task<State> GetAsync(Guid ownerId, CancellationToken ct = default)
    {
        var phone = await db.Users.Where(u => u.Id == ownerId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        return new State(await db.Set<DiarySmsChoice>().AnyAsync(c => c.OwnerId == ownerId, ct), phone);
    }

    /// <summary>Turns SMS on with <paramref name="phone"/> (kept as the account's number), or with the number the account has.</summary>
    public async Task ChooseAsync(Guid ownerId, string? phone, CancellationToken ct = default)
    {
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        phone ??= await db.Users.Where(u => u.Id == ownerId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        if (!IsMobileNumber(phone)) throw new ValidationException("Phone", "A mobile number, e.g. 06 12345678 or +31 6 12345678.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Users.Where(u => u.Id == ownerId && u.PhoneNumber != phone)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.PhoneNumber, phone).SetProperty(x => x.PhoneNumberConfirmed, false), ct);
        if (!await db.Set<DiarySmsChoice>().AnyAsync(c => c.OwnerId == ownerId, ct))
        {
            db.Set<DiarySmsChoice>().Add(new DiarySmsChoice { OwnerId = ownerId, ChosenAt = clock.GetUtcNow() });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Back to mail; the number stays with the account.</summary>
    public Task StopAsync(Guid ownerId, CancellationToken ct = default) =>
        db.Set<DiarySmsChoice>().Where(c => c.OwnerId == ownerId).ExecuteDeleteAsync(ct);

    /// <summary>
    /// A number a text message can reach: digits with optional spaces, dashes, dots or brackets; a Dutch mobile number
    /// (06 and 8 digits) or an international one (+ or 00, country code, 8–13 more digits).
    /// </summary>
    public static bool IsMobileNumber(string? phone)
    {
        if (phone is null || phone.Length > 30) return false;
        if (phone.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+'))) return false;
        if (phone.IndexOf('+', StringComparison.Ordinal) > 0 || phone.Count(c => c == '+') > 1) return false;
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (phone.StartsWith('+')) return digits.Length is >= 10 and <= 15 && digits[0] != '0';
        if (digits.StartsWith("00", StringComparison.Ordinal)) return digits.Length is >= 12 and <= 17;
        return digits.Length == 10 && digits.StartsWith("06", StringComparison.Ordinal);
    }
}
