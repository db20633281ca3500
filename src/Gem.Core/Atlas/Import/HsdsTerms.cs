using System.Security.Cryptography;
using System.Text;

namespace Gem.Core.Atlas.Import;

/// <summary>
/// How Gem's atlas vocabulary travels in HSDS 3.0: each vocabulary is a taxonomy (<c>urn:gem:atlas:format</c>, …),
/// each value a taxonomy term whose <c>code</c> is the English enum name; an offer carries them as attributes with
/// <c>link_type</c> = the vocabulary. Shared by the HSDS API (export) and the HSDS JSON import so a round trip is exact.
/// </summary>
public static class HsdsTerms
{
    public const string Format = "format";
    public const string LifeDomain = "life_domain";
    public const string Dimension = "dimension";
    public const string Facilitator = "facilitator";
    public const string FlowPolicy = "flow_policy";
    public const string Access = "access";
    public const string Sector = "sector";
    /// <summary>Seats per session; the attribute's <c>value</c> holds the number (HSDS 3.0 has no capacity object).</summary>
    public const string Capacity = "capacity";

    public static string Taxonomy(string vocabulary) => "urn:gem:atlas:" + vocabulary;

    /// <summary>A stable uuid for a name (name-based, SHA-256; the same name gives the same id on every server).</summary>
    public static Guid StableId(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("gem:" + name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50); // version 5 style, in Guid's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    /// <summary>
    /// The id of a child record (an offer's location, phone, …) derived from its parent's id and its kind. The
    /// derivation is its own inverse: <c>Derive(Derive(id, k), k) == id</c>, so /locations/{id} finds its offer.
    /// </summary>
    public static Guid Derive(Guid parent, string kind)
    {
        var a = parent.ToByteArray();
        var b = StableId("kind:" + kind).ToByteArray();
        for (var i = 0; i < 16; i++) a[i] ^= b[i];
        return new Guid(a);
    }

    public static Guid TermId(string vocabulary, string code) => StableId($"term:{vocabulary}:{code}");
    public static Guid TaxonomyId(string vocabulary) => StableId("taxonomy:" + vocabulary);
}
