using System.Linq.Expressions;
using Gem.Core.Atlas;

namespace Gem.Core.Groups;

/// <summary>
/// THE seat and start rules of groups, for every reader (front door, enrolment, alternatives, dashboard, pages):
/// how many seats a session has free, whether one can start at it, and where a cohort starts (decision 302).
/// Rolling groups count members per offer; open groups and cohorts count seats per session. The database CHECKs
/// (<c>CK_Sessions_SeatsTaken</c>, <c>CK_Offers_MembersTaken</c>) back the same rule under concurrency.
/// </summary>
public static class Seats
{
    /// <summary>Seats still free at <paramref name="session"/> of <paramref name="offer"/>; null when there is no limit.</summary>
    public static int? Free(Offer offer, Session session)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(session);
        return offer.FlowPolicy == FlowPolicy.Rolling
            ? offer.Capacity is { } members ? Math.Max(0, members - offer.MembersTaken) : null
            : (session.Seats ?? offer.Capacity) is { } seats ? Math.Max(0, seats - session.SeatsTaken) : null;
    }

    /// <summary>A free-seat count (from <see cref="Free"/>) leaves room for one more.</summary>
    public static bool HasFreeSeat(int? free) => free is null or > 0;

    /// <summary>A rolling group has room for one more member (translatable; the conditional update of enrolment).</summary>
    public static Expression<Func<Offer, bool>> OfferHasRoom { get; } = o => o.Capacity == null || o.MembersTaken < o.Capacity;

    /// <summary>The session has a free seat, as an expression EF translates (its Offer is reached by navigation).</summary>
    public static Expression<Func<Session, bool>> SessionHasFreeSeat { get; } = s =>
        s.Offer!.FlowPolicy == FlowPolicy.Rolling
            ? s.Offer.Capacity == null || s.Offer.MembersTaken < s.Offer.Capacity
            : (s.Seats ?? s.Offer.Capacity) == null || s.SeatsTaken < (s.Seats ?? s.Offer.Capacity);

    /// <summary>The cohort-start rule: a cohort course is joined only where staff marked a start; other groups at any session.</summary>
    public static bool IsJoinPoint(FlowPolicy policy, bool isCohortStart) => policy != FlowPolicy.Cohort || isCohortStart;

    /// <summary><see cref="IsJoinPoint"/> as an expression EF translates.</summary>
    public static Expression<Func<Session, bool>> SessionIsJoinPoint { get; } = s => s.Offer!.FlowPolicy != FlowPolicy.Cohort || s.IsCohortStart;

    /// <summary>One can start at this session: it is a join point and has a free seat.</summary>
    public static bool CanStartAt(FlowPolicy policy, int? free, bool isCohortStart) => HasFreeSeat(free) && IsJoinPoint(policy, isCohortStart);

    /// <summary><see cref="CanStartAt(FlowPolicy, int?, bool)"/> for a session with its offer.</summary>
    public static bool CanStartAt(Offer offer, Session session) =>
        CanStartAt(offer?.FlowPolicy ?? throw new ArgumentNullException(nameof(offer)), Free(offer, session), session.IsCohortStart);

    /// <summary>
    /// The default of the stored cohort-start flag when staff add a session without saying: for a cohort offer, a
    /// session is a start when no session of the offer is still to come before it (no group is running into it).
    /// Staff set the flag explicitly for every other case (a next group right after the last, a holiday break).
    /// </summary>
    public static bool DefaultCohortStart(FlowPolicy policy, bool hasUpcomingSessionBefore) =>
        policy == FlowPolicy.Cohort && !hasUpcomingSessionBefore;
}
