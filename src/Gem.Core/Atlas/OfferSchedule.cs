namespace Gem.Core.Atlas;

/// <summary>
/// A session of an offer as the atlas publishes it (search, offer page, API, HSDS, FHIR). Sessions and their seat rules are
/// Groups'; Groups fills this in (<see cref="IOfferSchedule"/>), including the free seats and whether one can join there.
/// </summary>
public sealed record ScheduledSession(
    Guid Id, Guid OfferId, DateTimeOffset Start, DateTimeOffset End, string? Place, string? OnlineUrl, int? Seats,
    bool IsCohortStart, DateTimeOffset? CancelledAt, int? Free, bool IsJoinPoint);

/// <summary>
/// What the atlas reads of an offer's sessions. Groups depends on the atlas (a session belongs to an offer), so the atlas
/// asks through this interface, which Groups implements, instead of reading Groups' tables itself.
/// </summary>
public interface IOfferSchedule
{
    /// <summary>
    /// The sessions of these offers that start at or after <paramref name="from"/> (and before <paramref name="until"/>
    /// when given), per offer in start order; cancelled ones only with <paramref name="withCancelled"/>.
    /// </summary>
    Task<ILookup<Guid, ScheduledSession>> ComingAsync(
        IReadOnlyCollection<Offer> offers, DateTimeOffset from, DateTimeOffset? until = null, bool withCancelled = false, CancellationToken ct = default);
}
