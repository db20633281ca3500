namespace Gem.Core.Atlas;

/// <summary>
/// Groups' part of an offer: its sessions, for EF's navigation and for building a catalog in memory. The atlas itself does
/// not read them; it asks <see cref="IOfferSchedule"/>, which Groups answers (<see cref="Groups.OfferSchedule"/>).
/// </summary>
public partial class Offer
{
    public List<Groups.Session> Sessions { get; set; } = [];
}
