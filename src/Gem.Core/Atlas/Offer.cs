namespace Gem.Core.Atlas;

/// <summary>One way to get support, described the same way for every sector. Groups adds its sessions (Groups/OfferSessions.cs).</summary>
public partial class Offer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PartnerId { get; set; }
    public Partner? Partner { get; set; }

    public required string Name { get; set; }
    /// <summary>Plain-Dutch (B1) description.</summary>
    public string Description { get; set; } = "";
    public OfferFormat Format { get; set; }
    public LifeDomains LifeDomains { get; set; }
    public Dimensions Dimensions { get; set; }
    public FacilitatorRoles Facilitators { get; set; }
    /// <summary>Seats per session; null when there is no limit (an eCommunity, a walk-in).</summary>
    public int? Capacity { get; set; }
    public FlowPolicy FlowPolicy { get; set; }
    public Funding Funding { get; set; }
    /// <summary>Own contribution in euros per session or course; null or 0 when free to the person.</summary>
    public decimal? CostEuros { get; set; }
    public Access Access { get; set; }

    public bool IsOnline { get; set; }
    public string? OnlineUrl { get; set; }
    public string? Address { get; set; }
    public string? Pc4 { get; set; }
    public string? City { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>ISO 639-1 codes, comma separated, e.g. "nl,en".</summary>
    public string Languages { get; set; } = "nl";
    /// <summary>Plain words about physical and other accessibility.</summary>
    public string? Accessibility { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>
    /// The stable key an import knows this offer by within its organisation (the file's "sleutel" column, an HSDS service
    /// id, or else the offer's name): importing the same file again updates the offer instead of adding a copy.
    /// </summary>
    public string? ImportKey { get; set; }
    /// <summary>
    /// When staff deleted or archived the offer (UTC). An archived offer is hidden everywhere by a query filter; only the
    /// HSDS and FHIR APIs read past it, so partners that sync incrementally learn that it is gone (decision 204).
    /// </summary>
    public DateTimeOffset? ArchivedAt { get; set; }
    /// <summary>Places held in a rolling group (active and paused members). Changed only by Groups' conditional updates.</summary>
    public int MembersTaken { get; set; }

    /// <summary>
    /// People meet: a group, course or walk-in, or an online offer with room for more than one per session. An online
    /// offer without a capacity (a helpline, a chat service, a website) is not a group (issue 13).
    /// </summary>
    public bool IsGroup => Format is OfferFormat.Group or OfferFormat.Course or OfferFormat.WalkIn
        || (Format == OfferFormat.Online && Capacity > 1);
}
