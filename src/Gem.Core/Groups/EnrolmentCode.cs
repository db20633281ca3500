using System.Security.Cryptography;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>
/// The short code a person keeps for an enrolment: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L),
/// shown as <c>ABCD-EFGH</c>. Alone it finds nothing: only the code together with the e-mail address or phone number of
/// the enrolment does (<see cref="FindAsync"/>), so a guessed code gives nobody else's place (about 8.5·10¹¹ codes, and
/// the page that asks is rate-limited).
/// </summary>
public static class EnrolmentCode
{
    public const int Length = 8;
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>How the person sees it: two groups of four.</summary>
    public static string Display(string? code) => code is { Length: Length } ? code[..4] + "-" + code[4..] : code ?? "";

    /// <summary>What the person typed, as stored: capitals, without spaces or dashes.</summary>
    public static string Normalise(string? typed) => new((typed ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    /// <summary>Phone numbers compared by their digits only ("06-12 34 56 78" is "0612345678").</summary>
    public static string Digits(string? phone) => new((phone ?? "").Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// The enrolment with this code whose e-mail address or phone number is <paramref name="contact"/>; null when the code
    /// is unknown or the contact does not match (the caller does not say which).
    /// </summary>
    public static async Task<Enrolment?> FindAsync(GemDbContext db, string? code, string? contact, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normal = Normalise(code);
        var given = (contact ?? "").Trim();
        if (normal.Length != Length || given.Length == 0) return null;
        var e = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(x => x.Code == normal, ct);
        if (e is null) return null;
        var mailMatches = e.Email is not null && string.Equals(e.Email, given, StringComparison.OrdinalIgnoreCase);
        var digits = Digits(given);
        var phoneMatches = e.Phone is not null && digits.Length >= 6 && Digits(e.Phone) == digits;
        return mailMatches || phoneMatches ? e : null;
    }
}
