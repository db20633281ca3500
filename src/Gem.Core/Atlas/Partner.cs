namespace Gem.Core.Atlas;

/// <summary>An organisation in the ecosystem, from any sector, as an equal partner.</summary>
public class Partner
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RegionId { get; set; }
    public required string Name { get; set; }
    public Sector Sector { get; set; }
    public string Description { get; set; } = "";
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Pc4 { get; set; }
    public string? City { get; set; }
    /// <summary>
    /// The date of this partner's latest signature under the region's values charter; null when not (yet) signed. Written only
    /// by <c>Learning.ValuesCharters</c> in the same transaction as the signature (a projection for the atlas, HSDS and FHIR; decision 851).
    /// </summary>
    public DateOnly? ValuesSignedOn { get; set; }
    /// <summary>The charter version of that latest signature.</summary>
    public int? CharterVersion { get; set; }
    /// <summary>True for the clearly fictional organisations of the demo region.</summary>
    public bool IsFictional { get; set; }
    public List<Offer> Offers { get; set; } = [];
}
