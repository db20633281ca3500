using Gem.Core.Atlas;
using Gem.Core.FrontDoor;

namespace Gem.Core.Diary;

/// <summary>The front-door answers that fit one finding of "jouw week": life domains (what to get help with) and wishes (how).</summary>
public sealed record DiaryOfferFit(LifeDomains Domains, Wishes Wishes);

/// <summary>
/// From a finding of "jouw week" to the front door's answers (decision 803, docs/diary.md "From a finding to offers").
/// Wishes say "more of what went well": they come from the category the person felt best in (outside → move outdoors,
/// with others → meet peers, working or studying → learn, on a screen → online, "something else" → creative).
/// Life domains say "help with what went least well": they come from the category the person felt least good in
/// (alone → loneliness and contact, partner or family → relationships and family, colleagues / work or school / working
/// → work, school and daytime) and from the sliders there: on average 4.5 or more on "somber" adds low mood, on
/// "onrustig" anxiety and stress. A finding about the time of day uses what the person did most in their best part of the
/// day. A finding that maps to nothing gets "talk to someone", so every finding has its link. Pure: no I/O.
/// </summary>
public static class DiaryOfferFits
{
    /// <summary>A slider mean (1–7) from which a feeling counts as a need: above the scale's middle of 4.</summary>
    public const double NeedFrom = 4.5;

    public static DiaryOfferFit For(DiaryFinding finding, IReadOnlyList<DiaryMoment> moments)
    {
        var inTime = moments.Where(m => !m.IsTest && m.AnsweredAt is not null && !m.Late).ToList();
        var wishes = finding.Dimension switch
        {
            DiaryWeek.Company => Enum.TryParse<DiaryCompany>(finding.Best.Category, out var c) ? WishFor(c) : Wishes.None,
            DiaryWeek.Place => Enum.TryParse<DiaryPlace>(finding.Best.Category, out var p) ? WishFor(p) : Wishes.None,
            DiaryWeek.Activity => Enum.TryParse<DiaryActivity>(finding.Best.Category, out var a) ? WishFor(a) : Wishes.None,
            _ => MostDoneIn(inTime, finding.Best.Category) is { } done ? WishFor(done) : Wishes.None,
        };
        var domains = finding.Dimension switch
        {
            DiaryWeek.Company => Enum.TryParse<DiaryCompany>(finding.Worst.Category, out var c) ? DomainFor(c) : LifeDomains.None,
            DiaryWeek.Place => Enum.TryParse<DiaryPlace>(finding.Worst.Category, out var p) ? DomainFor(p) : LifeDomains.None,
            DiaryWeek.Activity => Enum.TryParse<DiaryActivity>(finding.Worst.Category, out var a) ? DomainFor(a) : LifeDomains.None,
            _ => LifeDomains.None,
        };
        domains |= FeltIn(inTime.Where(m => Category(finding.Dimension, m) == finding.Worst.Category).ToList());
        if (wishes == Wishes.None && domains == LifeDomains.None) wishes = Wishes.TalkToSomeone;
        return new DiaryOfferFit(domains, wishes);
    }

    public static Wishes WishFor(DiaryCompany company) => company == DiaryCompany.Alone ? Wishes.None : Wishes.MeetPeers;

    public static Wishes WishFor(DiaryPlace place) => place switch
    {
        DiaryPlace.Outside or DiaryPlace.OnTheWay => Wishes.MoveOutdoors,
        DiaryPlace.WorkOrSchool => Wishes.Learn,
        DiaryPlace.Home => Wishes.Online,
        _ => Wishes.None,
    };

    public static Wishes WishFor(DiaryActivity activity) => activity switch
    {
        DiaryActivity.Moving => Wishes.MoveOutdoors,
        DiaryActivity.Together => Wishes.MeetPeers,
        DiaryActivity.WorkOrStudy => Wishes.Learn,
        DiaryActivity.Screen => Wishes.Online,
        DiaryActivity.Other => Wishes.Creative,
        _ => Wishes.None,
    };

    public static LifeDomains DomainFor(DiaryCompany company) => company switch
    {
        DiaryCompany.Alone => LifeDomains.LonelinessAndContact,
        DiaryCompany.PartnerOrFamily => LifeDomains.RelationshipsAndFamily,
        DiaryCompany.Colleagues => LifeDomains.WorkSchoolDaytime,
        _ => LifeDomains.None,
    };

    public static LifeDomains DomainFor(DiaryPlace place) => place == DiaryPlace.WorkOrSchool ? LifeDomains.WorkSchoolDaytime : LifeDomains.None;

    public static LifeDomains DomainFor(DiaryActivity activity) => activity == DiaryActivity.WorkOrStudy ? LifeDomains.WorkSchoolDaytime : LifeDomains.None;

    /// <summary>Low mood and / or anxiety and stress when their sliders averaged <see cref="NeedFrom"/> or more in these moments.</summary>
    public static LifeDomains FeltIn(IReadOnlyList<DiaryMoment> moments)
    {
        if (moments.Count == 0) return LifeDomains.None;
        var domains = LifeDomains.None;
        if (moments.Average(m => m.Down ?? 0) >= NeedFrom) domains |= LifeDomains.LowMood;
        if (moments.Average(m => m.Anxious ?? 0) >= NeedFrom) domains |= LifeDomains.AnxietyAndStress;
        return domains;
    }

    private static string? Category(string dimension, DiaryMoment m) => dimension switch
    {
        DiaryWeek.Company => m.Company?.ToString(),
        DiaryWeek.Place => m.Place?.ToString(),
        DiaryWeek.Activity => m.Activity?.ToString(),
        _ => DiaryWeek.PartOfDay(m.PlannedAt),
    };

    /// <summary>The activity done most in one part of the day (ties: the first in the list of activities).</summary>
    private static DiaryActivity? MostDoneIn(List<DiaryMoment> moments, string partOfDay) =>
        moments.Where(m => m.Activity is not null && DiaryWeek.PartOfDay(m.PlannedAt) == partOfDay)
            .GroupBy(m => m.Activity!.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (DiaryActivity?)g.Key).FirstOrDefault();
}
