namespace Gem.Core.Atlas;

/// <summary>A region that runs one GEM ecosystem: its gemeenten and PC4 areas.</summary>
public class Region
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public List<RegionArea> Areas { get; set; } = [];
    public List<Partner> Partners { get; set; } = [];
}

/// <summary>One PC4 area of a region, with its gemeente and place.</summary>
public class RegionArea
{
    public Guid RegionId { get; set; }
    /// <summary>Four-digit postcode, e.g. "3841".</summary>
    public required string Pc4 { get; set; }
    public required string Gemeente { get; set; }
    public required string Place { get; set; }
}
