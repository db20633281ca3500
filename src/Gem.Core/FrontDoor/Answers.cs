using Gem.Core.Atlas;

namespace Gem.Core.FrontDoor;

/// <summary>Who is around the person. Asked so the front door can suggest help that fits their network, never to judge it.</summary>
[Flags]
public enum Company
{
    None = 0,
    Nobody = 1 << 0,
    Partner = 1 << 1,
    Family = 1 << 2,
    Friends = 1 << 3,
    Neighbours = 1 << 4,
    Professionals = 1 << 5,
}

/// <summary>What the person would like. Every wish is an equal way to start.</summary>
[Flags]
public enum Wishes
{
    None = 0,
    MeetPeers = 1 << 0,
    Learn = 1 << 1,
    TalkToSomeone = 1 << 2,
    PracticalHelp = 1 << 3,
    MoveOutdoors = 1 << 4,
    Creative = 1 << 5,
    Online = 1 << 6,
    ProfessionalTreatment = 1 << 7,
}

/// <summary>Days of the week the person can make it (Europe/Amsterdam). None means any day.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1 << 0,
    Tuesday = 1 << 1,
    Wednesday = 1 << 2,
    Thursday = 1 << 3,
    Friday = 1 << 4,
    Saturday = 1 << 5,
    Sunday = 1 << 6,
}

/// <summary>
/// The answers of one conversation. Held only for the request that shows results: never stored, never
/// tied to a person (only anonymous counts are kept, see <see cref="FrontDoorCounter"/>).
/// </summary>
public sealed record FrontDoorAnswers
{
    public LifeDomains Domains { get; init; }
    /// <summary>"In je eigen woorden": free text, read for crisis signals and a few life-domain words, then dropped.</summary>
    public string? OwnWords { get; init; }
    /// <summary>Life domains found earlier in the person's own words, when the text itself has already been dropped.</summary>
    public LifeDomains OwnWordDomains { get; init; }
    /// <summary>The person ticked "Ik ben nu niet veilig" (I am not safe right now), or their words showed acute danger.</summary>
    public bool NotSafe { get; init; }
    public Company Company { get; init; }
    public Wishes Wishes { get; init; }
    /// <summary>A PC4 to measure distance from; null when none was given.</summary>
    public string? Pc4 { get; init; }
    /// <summary>Only online help.</summary>
    public bool OnlineOnly { get; init; }
    public Weekdays Days { get; init; }

    public static Weekdays DayFlag(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Weekdays.Monday,
        DayOfWeek.Tuesday => Weekdays.Tuesday,
        DayOfWeek.Wednesday => Weekdays.Wednesday,
        DayOfWeek.Thursday => Weekdays.Thursday,
        DayOfWeek.Friday => Weekdays.Friday,
        DayOfWeek.Saturday => Weekdays.Saturday,
        _ => Weekdays.Sunday,
    };
}
