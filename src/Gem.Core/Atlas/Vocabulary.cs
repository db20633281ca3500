namespace Gem.Core.Atlas;

/// <summary>The sectors of a GEM ecosystem (GEM.md capability 1). Every sector is an equal option; the order carries no rank.</summary>
public enum Sector
{
    SociaalDomein = 1,
    Herstelacademie = 2,
    HuisartsPoh = 3,
    KleineGgz = 4,
    GroteGgz = 5,
    Verslavingszorg = 6,
    Vg = 7,
    InformeelPeer = 8,
    ECommunity = 9,
    VaktherapieCam = 10,
    FysioSportRevalidatie = 11,
    Coaching = 12,
    Systeemtherapie = 13,
    GgdOggz = 14,
    Jeugd = 15,
}

/// <summary>How an offer is given.</summary>
public enum OfferFormat
{
    Group = 1,
    Course = 2,
    WalkIn = 3,
    Individual = 4,
    Online = 5,
    HomeSupport = 6,
}

/// <summary>Life domains a person can name in their own terms. Never a diagnosis.</summary>
[Flags]
public enum LifeDomains
{
    None = 0,
    MoneyAndDebt = 1 << 0,
    Housing = 1 << 1,
    WorkSchoolDaytime = 1 << 2,
    LonelinessAndContact = 1 << 3,
    RelationshipsAndFamily = 1 << 4,
    Meaning = 1 << 5,
    BodyAndHealth = 1 << 6,
    LowMood = 1 << 7,
    AnxietyAndStress = 1 << 8,
    Addiction = 1 << 9,
    GriefAndLoss = 1 << 10,
    BadExperiences = 1 << 11,
}

/// <summary>The four dimensions of GEM: psychisch, sociaal, lichamelijk, zingeving.</summary>
[Flags]
public enum Dimensions
{
    None = 0,
    Mental = 1 << 0,
    Social = 1 << 1,
    Physical = 1 << 2,
    Meaning = 1 << 3,
}

/// <summary>Who facilitates an offer, by role.</summary>
[Flags]
public enum FacilitatorRoles
{
    None = 0,
    Professional = 1 << 0,
    ExperienceExpert = 1 << 1,
    Volunteer = 1 << 2,
}

/// <summary>How people come in and go out of an offer.</summary>
public enum FlowPolicy
{
    /// <summary>Come to any session.</summary>
    Open = 1,
    /// <summary>Join any week, stay as long as it helps, pause and return.</summary>
    Rolling = 2,
    /// <summary>A fixed start date for everyone.</summary>
    Cohort = 3,
}

public enum Funding
{
    Free = 1,
    Wmo = 2,
    Zvw = 3,
    Own = 4,
}

public enum Access
{
    NoReferral = 1,
    Referral = 2,
}

/// <summary>The region's shared values (seed 002) that partners sign.</summary>
public static class SharedValues
{
    public static readonly IReadOnlyList<string> All =
    [
        "menselijkheid", "relationisme", "authenticiteit", "samenwerking",
        "cocreatie", "gelijkwaardigheid", "inclusiviteit", "gedeelde verantwoordelijkheid",
    ];
}

public static class FlagsExtensions
{
    /// <summary>The single flags set in <paramref name="value"/>, in declaration order.</summary>
    public static IEnumerable<T> Each<T>(this T value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(f));
}
