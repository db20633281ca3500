using Gem.Core.Atlas;

namespace Gem.Core.Groups;

/// <summary>One meeting of an offer.</summary>
public class Session
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OfferId { get; set; }
    public Offer? Offer { get; set; }
    /// <summary>UTC.</summary>
    public DateTimeOffset Start { get; set; }
    /// <summary>UTC.</summary>
    public DateTimeOffset End { get; set; }
    /// <summary>Where, when it differs from the offer's address.</summary>
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    /// <summary>Seats for this session; null means the offer's capacity.</summary>
    public int? Seats { get; set; }
    /// <summary>Seats held for this session (open groups: "ik kom"; cohort groups: the cohort starting here). Changed only by Groups' conditional updates.</summary>
    public int SeatsTaken { get; set; }
    /// <summary>For cohort offers: a new group starts here, and people enrol for this date. Set by staff (default: <see cref="Gem.Core.Groups.Seats.DefaultCohortStart"/>); read only through <see cref="Gem.Core.Groups.Seats"/>.</summary>
    public bool IsCohortStart { get; set; }
}
