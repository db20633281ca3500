namespace Gem.Core.Atlas.Import;

/// <summary>
/// The words an import file may use for the atlas vocabulary: the English enum name (e.g. <c>WalkIn</c>) or a
/// Dutch word (e.g. <c>inloop</c>), in any case, with or without spaces, dashes or underscores. The first Dutch
/// word is the label Gem writes itself (templates, HSDS taxonomy terms). docs/import.md lists them all.
/// </summary>
public static class ImportVocabulary
{
    private static readonly Dictionary<Enum, (string Nl, string En, string[] Aliases)> Words = new()
    {
        [OfferFormat.Group] = ("groep", "group", ["groepsaanbod"]),
        [OfferFormat.Course] = ("cursus", "course", ["training"]),
        [OfferFormat.WalkIn] = ("inloop", "walk-in", ["inloopplek", "inloopspreekuur"]),
        [OfferFormat.Individual] = ("individueel", "individual", ["een-op-een"]),
        [OfferFormat.Online] = ("online", "online", ["ecommunity"]),
        [OfferFormat.HomeSupport] = ("thuis", "home support", ["thuisondersteuning", "aan huis"]),

        [LifeDomains.MoneyAndDebt] = ("geld en schulden", "money and debt", ["geld", "schulden"]),
        [LifeDomains.Housing] = ("wonen", "housing", ["huisvesting"]),
        [LifeDomains.WorkSchoolDaytime] = ("werk en dagbesteding", "work, school and daytime", ["werk", "school", "dagbesteding", "werk school dagbesteding"]),
        [LifeDomains.LonelinessAndContact] = ("eenzaamheid en contact", "loneliness and contact", ["eenzaamheid", "contact"]),
        [LifeDomains.RelationshipsAndFamily] = ("relaties en gezin", "relationships and family", ["relaties", "gezin"]),
        [LifeDomains.Meaning] = ("zingeving", "meaning", ["zin"]),
        [LifeDomains.BodyAndHealth] = ("lichaam en gezondheid", "body and health", ["gezondheid", "lichaam"]),
        [LifeDomains.LowMood] = ("somberheid", "low mood", ["somber"]),
        [LifeDomains.AnxietyAndStress] = ("angst en stress", "anxiety and stress", ["angst", "stress", "spanning"]),
        [LifeDomains.Addiction] = ("verslaving", "addiction", ["middelengebruik"]),
        [LifeDomains.GriefAndLoss] = ("rouw en verlies", "grief and loss", ["rouw", "verlies"]),
        [LifeDomains.BadExperiences] = ("nare ervaringen", "bad experiences", ["trauma"]),

        [Dimensions.Mental] = ("psychisch", "mental", []),
        [Dimensions.Social] = ("sociaal", "social", []),
        [Dimensions.Physical] = ("lichamelijk", "physical", []),
        [Dimensions.Meaning] = ("zingeving", "meaning", []),

        [FacilitatorRoles.Professional] = ("professional", "professional", ["professioneel", "beroepskracht"]),
        [FacilitatorRoles.ExperienceExpert] = ("ervaringsdeskundige", "experience expert", ["ervaringsdeskundigen"]),
        [FacilitatorRoles.Volunteer] = ("vrijwilliger", "volunteer", ["vrijwilligers"]),

        [FlowPolicy.Open] = ("open", "open", ["vrije inloop"]),
        [FlowPolicy.Rolling] = ("doorlopend", "rolling", ["altijd instappen"]),
        [FlowPolicy.Cohort] = ("vaste start", "cohort", ["startdatum"]),

        [Funding.Free] = ("gratis", "free", ["kosteloos"]),
        [Funding.Wmo] = ("wmo", "wmo", []),
        [Funding.Zvw] = ("zvw", "zvw", ["zorgverzekering", "basisverzekering"]),
        [Funding.Own] = ("eigen bijdrage", "own", ["eigen", "zelf betalen"]),

        [Access.NoReferral] = ("zonder verwijzing", "no referral", ["vrij toegankelijk", "vrij"]),
        [Access.Referral] = ("met verwijzing", "referral", ["verwijzing"]),

        [Sector.SociaalDomein] = ("sociaal domein", "social domain", []),
        [Sector.Herstelacademie] = ("herstelacademie / zelfregiecentrum", "recovery college", ["herstelacademie", "zelfregiecentrum"]),
        [Sector.HuisartsPoh] = ("huisarts / POH-ggz", "GP practice", ["huisarts", "poh-ggz"]),
        [Sector.KleineGgz] = ("kleine ggz", "small mental-health care", []),
        [Sector.GroteGgz] = ("grote ggz", "large mental-health care", []),
        [Sector.Verslavingszorg] = ("verslavingszorg", "addiction care", []),
        [Sector.Vg] = ("verstandelijk gehandicaptenzorg", "intellectual-disability care", ["vg"]),
        [Sector.InformeelPeer] = ("informeel / peer", "informal and peer support", ["informeel", "peer"]),
        [Sector.ECommunity] = ("eCommunity", "eCommunity", []),
        [Sector.VaktherapieCam] = ("vaktherapie / CAM", "arts therapies and complementary care", ["vaktherapie", "cam"]),
        [Sector.FysioSportRevalidatie] = ("fysio, sport en revalidatie", "physio, sport and rehabilitation", ["fysio", "sport", "revalidatie"]),
        [Sector.Coaching] = ("coaching", "coaching", []),
        [Sector.Systeemtherapie] = ("systeemtherapie", "systemic therapy", []),
        [Sector.GgdOggz] = ("GGD / OGGZ", "public health service", ["ggd", "oggz"]),
        [Sector.Jeugd] = ("jeugd", "youth care", []),
    };

    /// <summary>The Dutch label Gem writes for a single enum value.</summary>
    public static string Dutch(Enum value) => Words.TryGetValue(value, out var w) ? w.Nl : value.ToString();

    /// <summary>The English label for a single enum value.</summary>
    public static string English(Enum value) => Words.TryGetValue(value, out var w) ? w.En : value.ToString();

    /// <summary>Every word accepted for <paramref name="value"/>, Dutch first.</summary>
    public static IEnumerable<string> Accepted(Enum value) => Words.TryGetValue(value, out var w)
        ? new[] { w.Nl, value.ToString() }.Concat(w.Aliases).Distinct(StringComparer.OrdinalIgnoreCase)
        : [value.ToString()];

    public static string Normalise(string word) =>
        new(word.Where(c => char.IsLetterOrDigit(c)).Select(char.ToLowerInvariant).ToArray());

    /// <summary>One value of <typeparamref name="T"/> from its English name or a Dutch word.</summary>
    public static bool TryParse<T>(string word, out T value) where T : struct, Enum
    {
        var key = Normalise(word);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Convert.ToInt64(candidate, System.Globalization.CultureInfo.InvariantCulture) == 0) continue;
            if (Accepted(candidate).Any(a => Normalise(a) == key))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>A list of flags separated by ';' or '|' (or ',' when no word contains one). Unknown words are returned.</summary>
    public static T ParseFlags<T>(string text, out List<string> unknown) where T : struct, Enum
    {
        unknown = [];
        long result = 0;
        var separators = text.Contains(';', StringComparison.Ordinal) || text.Contains('|', StringComparison.Ordinal) ? new[] { ';', '|' } : [',', ';', '|'];
        foreach (var part in text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse<T>(part, out var flag)) result |= Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
            else unknown.Add(part);
        }
        return (T)Enum.ToObject(typeof(T), result);
    }

    /// <summary>The Dutch words Gem writes for a set of flags, separated by "; ".</summary>
    public static string DutchList<T>(T flags) where T : struct, Enum => string.Join("; ", flags.Each().Select(f => Dutch(f)));

    /// <summary>Accepted words for every value of <typeparamref name="T"/>, for messages: "groep, cursus, …".</summary>
    public static string Choices<T>() where T : struct, Enum => string.Join(", ",
        Enum.GetValues<T>().Where(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0).Select(v => Dutch(v)));
}
