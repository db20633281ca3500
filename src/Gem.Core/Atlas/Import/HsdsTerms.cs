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
    /// <summary>The values-charter version an organization signed (code <c>version_N</c>); the attribute's <c>value</c> holds the date (issue 16).</summary>
    public const string ValuesCharter = "values_charter";

    public static string Taxonomy(string vocabulary) => "urn:gem:atlas:" + vocabulary;

    /// <summary>Gem's own namespace for name-based ids (itself the RFC 4122 v5 id of https://gem.example/ns in the URL namespace).</summary>
    public static readonly Guid Namespace = UuidV5(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "https://gem.example/ns");

    /// <summary>A stable uuid for a name: RFC 4122 version 5 in Gem's namespace, the same on every server and after every restart.</summary>
    public static Guid StableId(string name) => UuidV5(Namespace, name);

    /// <summary>
    /// The id of a child record (an offer's location, phone, …): RFC 4122 version 5 with the parent's id as namespace and
    /// the kind as name. One-way: a reader that needs the parent back searches the parents (<c>HsdsApi</c> does for locations).
    /// </summary>
    public static Guid Derive(Guid parent, string kind) => UuidV5(parent, kind);

    /// <summary>RFC 4122 §4.3: SHA-1 over the namespace's bytes (network order) and the UTF-8 name; version 5, variant 10xx.</summary>
    public static Guid UuidV5(Guid space, string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        space.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 prescribes; it names, it does not protect
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    public static Guid TermId(string vocabulary, string code) => StableId($"term:{vocabulary}:{code}");
    public static Guid TaxonomyId(string vocabulary) => StableId("taxonomy:" + vocabulary);
}
