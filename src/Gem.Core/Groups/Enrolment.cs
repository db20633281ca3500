using Gem.Core.Atlas;

namespace Gem.Core.Groups;

public enum EnrolmentStatus
{
    /// <summary>Comes; holds a seat.</summary>
    Active = 1,
    /// <summary>Taking a break from a rolling group; keeps the place, not counted as failure.</summary>
    Paused = 2,
    /// <summary>Cancelled or left; the seat is free again.</summary>
    Cancelled = 3,
}

/// <summary>
/// A person's place in a group. Open groups: "ik kom" for one session. Rolling groups: a place in the
/// group from the session one starts at, kept while paused. Cohort groups: a place in the cohort that
/// starts at <see cref="SessionId"/>. No account needed: a first name or alias and one way to be reached.
/// </summary>
public class Enrolment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OfferId { get; set; }
    public Offer? Offer { get; set; }
    /// <summary>The session this enrolment starts at (open: the only session).</summary>
    public Guid SessionId { get; set; }
    public Session? Session { get; set; }
    /// <summary>First name or alias: all a facilitator sees.</summary>
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    /// <summary>The account, when the person has one (claimable later).</summary>
    public Guid? UserId { get; set; }
    /// <summary>
    /// The day (Amsterdam) of the person's first visit to the front door, when the enrolment was made there: the start
    /// of the dashboard's "time to first attended support". A date only, no time and no answers (decision 503).
    /// </summary>
    public DateOnly? FrontDoorVisit { get; set; }
    public EnrolmentStatus Status { get; set; } = EnrolmentStatus.Active;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }
    /// <summary>Secret for the person's links (cancel, pause, private calendar). Never shown to staff.</summary>
    public string Token { get; set; } = NewToken();

    public static string NewToken() => Tokens.New();

    /// <summary>
    /// A short code the person keeps (shown on the confirmation page, in the mail and the SMS): with the e-mail address or
    /// phone number it finds the enrolment again at <c>/aanmelding</c> (<see cref="EnrolmentCode"/>). Null for enrolments
    /// made before codes existed.
    /// </summary>
    public string? Code { get; set; } = EnrolmentCode.New();
}

public enum AttendanceMark
{
    Present = 1,
    Absent = 2,
    Excused = 3,
}

/// <summary>Whether an enrolled person was at one session. No clinical notes: this is not a patient record.</summary>
public class Attendance
{
    public Guid SessionId { get; set; }
    public Guid EnrolmentId { get; set; }
    public AttendanceMark Mark { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public Guid RecordedBy { get; set; }
}
