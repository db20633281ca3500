namespace Gem.Core.Atlas;

/// <summary>
/// An offer as a partner describes it: the shape the staff pages, the API and every import format
/// fill in, validated in one place (<see cref="Validate"/>) and applied in one place (<see cref="ApplyTo"/>).
/// </summary>
public sealed record OfferInput
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public OfferFormat Format { get; init; } = OfferFormat.Group;
    public LifeDomains LifeDomains { get; init; }
    public Dimensions Dimensions { get; init; }
    public FacilitatorRoles Facilitators { get; init; }
    public int? Capacity { get; init; }
    public FlowPolicy FlowPolicy { get; init; } = FlowPolicy.Rolling;
    public Funding Funding { get; init; } = Funding.Free;
    public decimal? CostEuros { get; init; }
    public Access Access { get; init; } = Access.NoReferral;
    public bool IsOnline { get; init; }
    public string? OnlineUrl { get; init; }
    public string? Address { get; init; }
    public string? Pc4 { get; init; }
    public string? City { get; init; }
    public string Languages { get; init; } = "nl";
    public string? Accessibility { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }

    /// <summary>Field name → messages (English; the UI translates by field). Empty when valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        if (string.IsNullOrWhiteSpace(Name)) Add(nameof(Name), "A name is required.");
        else if (Name.Length > 200) Add(nameof(Name), "A name has at most 200 characters.");
        if (Description.Length > 4000) Add(nameof(Description), "A description has at most 4000 characters.");
        if (!Enum.IsDefined(Format)) Add(nameof(Format), "Unknown format.");
        if (!Enum.IsDefined(FlowPolicy)) Add(nameof(FlowPolicy), "Unknown in- and outflow policy.");
        if (!Enum.IsDefined(Funding)) Add(nameof(Funding), "Unknown funding.");
        if (!Enum.IsDefined(Access)) Add(nameof(Access), "Unknown access.");
        if (LifeDomains == LifeDomains.None) Add(nameof(LifeDomains), "Choose at least one life domain.");
        if (Capacity is <= 0 or > 10000) Add(nameof(Capacity), "Capacity is a whole number from 1 to 10000, or empty for no limit.");
        if (CostEuros is < 0 or > 100000) Add(nameof(CostEuros), "Cost is an amount from 0 to 100000 euros.");
        if (IsOnline)
        {
            if (!Uri.TryCreate(OnlineUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                Add(nameof(OnlineUrl), "An online offer needs a web address starting with https://.");
        }
        else
        {
            if (Pc4Directory.Find(Pc4) is null) Add(nameof(Pc4), "An offer in a place needs a known Dutch 4-digit postcode (PC4).");
            if (string.IsNullOrWhiteSpace(Address)) Add(nameof(Address), "An offer in a place needs an address.");
        }
        if (string.IsNullOrWhiteSpace(Languages) || Languages.Split(',').Any(l => l.Trim().Length is < 2 or > 3 || !l.Trim().All(char.IsAsciiLetterLower)))
            Add(nameof(Languages), "Languages are ISO 639-1 codes separated by commas, e.g. nl,en.");
        if (ContactEmail is { Length: > 0 } email && !email.Contains('@', StringComparison.Ordinal)) Add(nameof(ContactEmail), "Not an e-mail address.");

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>Throws <see cref="ValidationException"/> when invalid.</summary>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    public void ApplyTo(Offer offer, DateTimeOffset now)
    {
        offer.Name = Name.Trim();
        offer.Description = Description.Trim();
        offer.Format = Format;
        offer.LifeDomains = LifeDomains;
        offer.Dimensions = Dimensions;
        offer.Facilitators = Facilitators;
        offer.Capacity = Capacity;
        offer.FlowPolicy = FlowPolicy;
        offer.Funding = Funding;
        offer.CostEuros = CostEuros;
        offer.Access = Access;
        offer.IsOnline = IsOnline;
        offer.OnlineUrl = IsOnline ? OnlineUrl?.Trim() : null;
        var area = IsOnline ? null : Pc4Directory.Find(Pc4);
        offer.Address = IsOnline ? null : Address?.Trim();
        offer.Pc4 = area?.Pc4;
        offer.City = IsOnline ? null : (string.IsNullOrWhiteSpace(City) ? area?.Place : City.Trim());
        offer.Latitude = area?.Latitude;
        offer.Longitude = area?.Longitude;
        offer.Languages = string.Join(',', Languages.Split(',').Select(l => l.Trim()));
        offer.Accessibility = Accessibility?.Trim();
        offer.ContactEmail = ContactEmail?.Trim();
        offer.ContactPhone = ContactPhone?.Trim();
        offer.UpdatedAt = now;
    }

    public static OfferInput From(Offer o) => new()
    {
        Name = o.Name, Description = o.Description, Format = o.Format, LifeDomains = o.LifeDomains,
        Dimensions = o.Dimensions, Facilitators = o.Facilitators, Capacity = o.Capacity, FlowPolicy = o.FlowPolicy,
        Funding = o.Funding, CostEuros = o.CostEuros, Access = o.Access, IsOnline = o.IsOnline, OnlineUrl = o.OnlineUrl,
        Address = o.Address, Pc4 = o.Pc4, City = o.City, Languages = o.Languages, Accessibility = o.Accessibility,
        ContactEmail = o.ContactEmail, ContactPhone = o.ContactPhone,
    };
}
