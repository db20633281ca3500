using System.Globalization;

namespace Gem.Core.Atlas.Import;

/// <summary>
/// The columns of the CSV and Excel template (docs/import.md). Each column has a Dutch heading, an English
/// heading, the <see cref="OfferInput"/> field it fills and how a cell is read. Headings are matched without
/// regard to case, spaces, dashes or underscores; "naam (name)" matches too.
/// </summary>
public sealed class OfferColumn
{
    public delegate OfferInput Reader(OfferInput input, string cell, out Bilingual? error);

    public required string Dutch { get; init; }
    public required string English { get; init; }
    /// <summary>The <see cref="OfferInput"/> property it fills, or <see cref="OfferColumns.PartnerField"/>.</summary>
    public required string Field { get; init; }
    public required Reader Read { get; init; }
    public bool Required { get; init; }
    public string[] Aliases { get; init; } = [];
    /// <summary>What the column holds, for docs and the upload page (Dutch, English).</summary>
    public required Bilingual Help { get; init; }

    public bool Matches(string heading)
    {
        var parts = heading.Split(['(', ')', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append(heading).Select(ImportVocabulary.Normalise).Where(p => p.Length > 0);
        var names = new[] { Dutch, English }.Concat(Aliases).Select(ImportVocabulary.Normalise).ToHashSet();
        return parts.Any(names.Contains);
    }
}

public static class OfferColumns
{
    /// <summary>The pseudo-field of the partner column: it is not part of <see cref="OfferInput"/>.</summary>
    public const string PartnerField = "Partner";
    /// <summary>The pseudo-field of the key column: the offer's stable key for re-imports (<see cref="Offer.ImportKey"/>).</summary>
    public const string KeyField = "Key";

    public static readonly IReadOnlyList<OfferColumn> All =
    [
        new() { Dutch = "organisatie", English = "partner", Field = PartnerField, Aliases = ["organization", "organisation", "partner_id", "organisatie_id"],
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i; },
            Help = new("Id of precieze naam van de partnerorganisatie; leeg = de organisatie die u bij het importeren kiest.",
                "Id or exact name of the partner organisation; empty = the organisation chosen when importing.") },
        new() { Dutch = "naam", English = "name", Field = nameof(OfferInput.Name), Required = true,
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { Name = c }; },
            Help = new("Naam van het aanbod (verplicht, hoogstens 200 tekens).", "Name of the offer (required, at most 200 characters).") },
        new() { Dutch = "beschrijving", English = "description", Field = nameof(OfferInput.Description),
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { Description = c }; },
            Help = new("Beschrijving in gewone taal (B1).", "Plain-Dutch (B1) description.") },
        new() { Dutch = "vorm", English = "format", Field = nameof(OfferInput.Format),
            Read = (OfferInput i, string c, out Bilingual? e) => One(c, out e, out OfferFormat v) ? i with { Format = v } : i,
            Help = new("groep, cursus, inloop, individueel, online of thuis (leeg = groep).", "group, course, walk-in, individual, online or home support (empty = group).") },
        new() { Dutch = "levensdomeinen", English = "life domains", Field = nameof(OfferInput.LifeDomains), Aliases = ["levensdomein", "life domain", "lifedomains"],
            Read = (OfferInput i, string c, out Bilingual? e) => i with { LifeDomains = Flags<LifeDomains>(c, out e) },
            Help = new("Een of meer levensdomeinen, gescheiden door ; (verplicht).", "One or more life domains separated by ; (required).") },
        new() { Dutch = "dimensies", English = "dimensions", Field = nameof(OfferInput.Dimensions), Aliases = ["dimensie", "dimension"],
            Read = (OfferInput i, string c, out Bilingual? e) => i with { Dimensions = Flags<Dimensions>(c, out e) },
            Help = new("psychisch; sociaal; lichamelijk; zingeving.", "mental; social; physical; meaning.") },
        new() { Dutch = "begeleiding", English = "facilitators", Field = nameof(OfferInput.Facilitators), Aliases = ["begeleiders", "facilitator"],
            Read = (OfferInput i, string c, out Bilingual? e) => i with { Facilitators = Flags<FacilitatorRoles>(c, out e) },
            Help = new("professional; ervaringsdeskundige; vrijwilliger.", "professional; experience expert; volunteer.") },
        new() { Dutch = "capaciteit", English = "capacity", Field = nameof(OfferInput.Capacity), Aliases = ["plaatsen", "seats"],
            Read = (OfferInput i, string c, out Bilingual? e) => i with { Capacity = WholeNumber(c, out e) },
            Help = new("Plaatsen per bijeenkomst, heel getal; leeg = geen grens.", "Seats per session, a whole number; empty = no limit.") },
        new() { Dutch = "instroom", English = "flow policy", Field = nameof(OfferInput.FlowPolicy), Aliases = ["in- en uitstroom", "flow", "flowpolicy"],
            Read = (OfferInput i, string c, out Bilingual? e) => One(c, out e, out FlowPolicy v) ? i with { FlowPolicy = v } : i,
            Help = new("open, doorlopend of vaste start (leeg = doorlopend).", "open, rolling or cohort (empty = rolling).") },
        new() { Dutch = "financiering", English = "funding", Field = nameof(OfferInput.Funding),
            Read = (OfferInput i, string c, out Bilingual? e) => One(c, out e, out Funding v) ? i with { Funding = v } : i,
            Help = new("gratis, wmo, zvw of eigen bijdrage (leeg = gratis).", "free, wmo, zvw or own (empty = free).") },
        new() { Dutch = "kosten", English = "cost", Field = nameof(OfferInput.CostEuros), Aliases = ["kosten euro", "cost euros", "costeuros", "eigen bijdrage euro"],
            Read = (OfferInput i, string c, out Bilingual? e) => i with { CostEuros = Amount(c, out e) },
            Help = new("Eigen bijdrage in euro, bijv. 12,50 of 12.50; leeg = niets.", "Own contribution in euros, e.g. 12.50; empty = nothing.") },
        new() { Dutch = "toegang", English = "access", Field = nameof(OfferInput.Access), Aliases = ["verwijzing", "referral"],
            Read = (OfferInput i, string c, out Bilingual? e) => One(c, out e, out Access v) ? i with { Access = v } : i,
            Help = new("zonder verwijzing of met verwijzing (leeg = zonder verwijzing).", "no referral or referral (empty = no referral).") },
        new() { Dutch = "online", English = "online", Field = nameof(OfferInput.IsOnline), Aliases = ["isonline"],
            Read = (OfferInput i, string c, out Bilingual? e) => i with { IsOnline = YesNo(c, out e) },
            Help = new("ja of nee (leeg = nee).", "yes or no (empty = no).") },
        new() { Dutch = "weblink", English = "online url", Field = nameof(OfferInput.OnlineUrl), Aliases = ["onlineurl", "url", "webadres"],
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { OnlineUrl = Text(c) }; },
            Help = new("Webadres voor een online aanbod, begint met https://.", "Web address of an online offer, starting with https://.") },
        new() { Dutch = "adres", English = "address", Field = nameof(OfferInput.Address),
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { Address = Text(c) }; },
            Help = new("Straat en huisnummer (verplicht als het aanbod niet online is).", "Street and number (required unless online).") },
        new() { Dutch = "pc4", English = "postcode", Field = nameof(OfferInput.Pc4), Aliases = ["postal code", "zip"],
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { Pc4 = Text(c) }; },
            Help = new("Postcode; de 4 cijfers tellen (verplicht als het aanbod niet online is).", "Postcode; the 4 digits count (required unless online).") },
        new() { Dutch = "plaats", English = "city", Field = nameof(OfferInput.City), Aliases = ["woonplaats", "town"],
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { City = Text(c) }; },
            Help = new("Plaats; leeg = de plaats van de postcode.", "Place; empty = the place of the postcode.") },
        new() { Dutch = "talen", English = "languages", Field = nameof(OfferInput.Languages), Aliases = ["taal", "language"],
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { Languages = string.IsNullOrWhiteSpace(c) ? "nl" : c.Replace(';', ',').Trim() }; },
            Help = new("ISO 639-1-codes, bijv. nl,en (leeg = nl).", "ISO 639-1 codes, e.g. nl,en (empty = nl).") },
        new() { Dutch = "toegankelijkheid", English = "accessibility",  Field = nameof(OfferInput.Accessibility),
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { Accessibility = Text(c) }; },
            Help = new("Toegankelijkheid in gewone woorden.", "Accessibility in plain words.") },
        new() { Dutch = "email", English = "contact email", Field = nameof(OfferInput.ContactEmail), Aliases = ["e-mail", "contactemail"],
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { ContactEmail = Text(c) }; },
            Help = new("E-mailadres voor vragen.", "E-mail address for questions.") },
        new() { Dutch = "telefoon", English = "contact phone", Field = nameof(OfferInput.ContactPhone), Aliases = ["telefoonnummer", "phone", "contactphone"],
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i with { ContactPhone = Text(c) }; },
            Help = new("Telefoonnummer voor vragen.", "Phone number for questions.") },
        new() { Dutch = "sleutel", English = "key", Field = KeyField, Aliases = ["code", "eigen code", "external id"],
            Read = (OfferInput i, string c, out Bilingual? e) => { e = null; return i; },
            Help = new("Uw eigen vaste code voor dit aanbod (hoogstens 200 tekens). Importeert u opnieuw, dan wordt het aanbod met dezelfde code bijgewerkt; leeg = de naam is de code.",
                "Your own fixed code for this offer (at most 200 characters). Importing again updates the offer with the same code; empty = the name is the code.") },
    ];

    public static OfferColumn? Find(string heading) => All.FirstOrDefault(c => c.Matches(heading));

    private static string? Text(string cell) => string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();

    private static bool One<T>(string cell, out Bilingual? error, out T value) where T : struct, Enum
    {
        error = null;
        value = default;
        if (string.IsNullOrWhiteSpace(cell)) return false;
        if (ImportVocabulary.TryParse(cell, out value)) return true;
        error = new($"'{cell.Trim()}' kennen we niet; kies uit: {ImportVocabulary.Choices<T>()}.",
            $"'{cell.Trim()}' is unknown; choose from: {string.Join(", ", Enum.GetValues<T>().Select(v => ImportVocabulary.English(v)))}.");
        return false;
    }

    private static T Flags<T>(string cell, out Bilingual? error) where T : struct, Enum
    {
        error = null;
        var flags = ImportVocabulary.ParseFlags<T>(cell, out var unknown);
        if (unknown.Count > 0)
        {
            var words = string.Join(", ", unknown.Select(u => $"'{u}'"));
            error = new($"{words} kennen we niet; kies uit: {ImportVocabulary.Choices<T>()} (gescheiden door ;).",
                $"{words} unknown; choose from: {string.Join(", ", Enum.GetValues<T>().Where(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0).Select(v => ImportVocabulary.English(v)))} (separated by ;).");
        }
        return flags;
    }

    private static int? WholeNumber(string cell, out Bilingual? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(cell)) return null;
        if (double.TryParse(cell.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
            return (int)d;
        error = new($"'{cell.Trim()}' is geen heel getal.", $"'{cell.Trim()}' is not a whole number.");
        return null;
    }

    private static decimal? Amount(string cell, out Bilingual? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(cell)) return null;
        var text = cell.Trim().TrimStart('€').Trim();
        // Dutch writes 12,50; a comma is the decimal separator when there is no point.
        if (!text.Contains('.', StringComparison.Ordinal)) text = text.Replace(',', '.');
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)) return amount;
        error = new($"'{cell.Trim()}' is geen bedrag; schrijf bijv. 12,50.", $"'{cell.Trim()}' is not an amount; write e.g. 12.50.");
        return null;
    }

    private static bool YesNo(string cell, out Bilingual? error)
    {
        error = null;
        switch (ImportVocabulary.Normalise(cell))
        {
            case "": case "nee": case "no": case "false": case "onwaar": case "0": case "n": return false;
            case "ja": case "yes": case "true": case "waar": case "1": case "j": case "y": case "x": return true;
            default:
                error = new($"'{cell.Trim()}' is geen ja of nee.", $"'{cell.Trim()}' is not yes or no.");
                return false;
        }
    }

    /// <summary>The Dutch reason for a message of <see cref="OfferInput.Validate"/>; English messages are translated by their text.</summary>
    public static Bilingual Translate(string field, string english) => new(english switch
    {
        "A name is required." => "Een naam is verplicht.",
        "A name has at most 200 characters." => "Een naam heeft hoogstens 200 tekens.",
        "A description has at most 4000 characters." => "Een beschrijving heeft hoogstens 4000 tekens.",
        "Unknown format." => "Onbekende vorm.",
        "Unknown in- and outflow policy." => "Onbekende manier van in- en uitstroom.",
        "Unknown funding." => "Onbekende financiering.",
        "Unknown access." => "Onbekende toegang.",
        "Choose at least one life domain." => "Kies minstens één levensdomein.",
        "Capacity is a whole number from 1 to 10000, or empty for no limit." => "Capaciteit is een heel getal van 1 tot 10000, of leeg voor geen grens.",
        "Cost is an amount from 0 to 100000 euros." => "Kosten zijn een bedrag van 0 tot 100000 euro.",
        "An online offer needs a web address starting with https://." => "Een online aanbod heeft een webadres nodig dat begint met https://.",
        "An offer in a place needs a known Dutch 4-digit postcode (PC4)." => "Een aanbod op een plek heeft een bekende Nederlandse postcode van 4 cijfers (PC4) nodig.",
        "An offer in a place needs an address." => "Een aanbod op een plek heeft een adres nodig.",
        "Languages are ISO 639-1 codes separated by commas, e.g. nl,en." => "Talen zijn ISO 639-1-codes gescheiden door komma's, bijv. nl,en.",
        "Not an e-mail address." => "Dit is geen e-mailadres.",
        _ => $"Ongeldige waarde voor {field}.",
    }, english);
}
