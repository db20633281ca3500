using Gem.Core.Atlas;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gem.Core.Demo;

/// <summary>Deterministic ids and numbers from names (SHA-256), so the demo is the same on every run.</summary>
internal static class DemoHash
{
    /// <summary>A name-based Guid (version 5 layout, SHA-256 instead of SHA-1) for the given parts.</summary>
    public static Guid Id(params string[] parts)
    {
        Span<byte> bytes = stackalloc byte[16];
        Digest(parts).AsSpan(0, 16).CopyTo(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 (byte 7 holds the version in .NET's little-endian layout)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>A number in [0, 1) for the given parts.</summary>
    public static double Unit(params string[] parts) =>
        (BinaryPrimitives.ReadUInt64LittleEndian(Digest(parts)) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A number in [0, n) for the given parts.</summary>
    public static int Below(int n, params string[] parts) =>
        (int)(BinaryPrimitives.ReadUInt64LittleEndian(Digest(parts)) % (ulong)n);

    /// <summary>"Wandelen met de Wandelmaatjes" → "wandelen-met-de-wandelmaatjes".</summary>
    public static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().TrimEnd('-');
    }

    private static byte[] Digest(string[] parts) =>
        SHA256.HashData(Encoding.UTF8.GetBytes("gem-demo|" + string.Join('|', parts)));
}

/// <summary>Clearly fictional addresses and phone numbers, and the accessibility texts of demo venues.</summary>
internal static class DemoPlaces
{
    private static readonly string[] Streets =
        ["Voorbeeldstraat", "Verzinweg", "Fictielaan", "Denkbeeldplein", "Oefenstraat", "Proefweg", "Droomdreef", "Bedachtlaan"];

    private static readonly string[] VenueAccessibility =
    [
        "Rolstoeltoegankelijk, met invalidentoilet. Parkeren voor de deur.",
        "Begane grond en drempelvrij. Bushalte op vijf minuten lopen.",
        "Eerste verdieping met lift. Er is een rustige ruimte om even apart te zitten.",
        "Drempelvrij en rolstoeltoegankelijk. Ringleiding voor slechthorenden.",
        "Oud gebouw met een kleine trap bij de ingang: bel aan, dan helpen we je. Fietsenstalling bij de deur.",
        "Begane grond, prikkelarme ruimte met zacht licht. Hulphonden zijn welkom.",
    ];

    public const string OnlineAccessibility =
        "Online, via telefoon, tablet of computer, zonder app. Camera aan of uit: jij kiest.";

    public const string Outdoors =
        "Buiten, op vlakke en goed begaanbare paden, ook met een rollator. We verzamelen bij de ingang.";

    /// <summary>"Voorbeeldstraat 12": a street that exists in no Dutch town.</summary>
    public static string Street(string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{Streets[DemoHash.Below(Streets.Length, "street", key)]} {1 + DemoHash.Below(80, "number", key)}");

    /// <summary>A local number whose subscriber part starts with 000, which is never issued in the Netherlands.</summary>
    public static string FictionalPhone(string key, string gemeente)
    {
        var n = DemoHash.Below(1000, "phone", key);
        return gemeente switch
        {
            "Oldebroek" => string.Create(CultureInfo.InvariantCulture, $"038-000 {n:0000}"),
            "Elburg" => string.Create(CultureInfo.InvariantCulture, $"0525-000 {n:000}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"0341-000 {n:000}"),
        };
    }

    public static string Accessibility(string key) => VenueAccessibility[DemoHash.Below(VenueAccessibility.Length, "access", key)];
}
