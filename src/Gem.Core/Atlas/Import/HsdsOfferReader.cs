using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gem.Core.Atlas.Import;

/// <summary>
/// Reads HSDS 3.0 services as offers: a JSON array of services, an HSDS page (<c>{"contents": [...]}</c>) or one
/// service. The attributes Gem writes (see <see cref="HsdsTerms"/>) carry format, life domains and the rest, so
/// what <c>/api/hsds/services</c> gives can be imported back. Errors name the line where the service starts and
/// the HSDS field.
/// </summary>
public static class HsdsOfferReader
{
    public static ImportSheet Read(Stream stream)
    {
        byte[] bytes;
        using (var memory = new MemoryStream())
        {
            stream.CopyTo(memory);
            bytes = memory.ToArray();
        }
        var services = new List<(int Line, JsonElement Service)>();
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var inContents = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("contents", out _);
            var list = inContents ? root.GetProperty("contents") : root;
            var starts = ObjectStarts(bytes, list.ValueKind == JsonValueKind.Array, inContents ? "contents" : null);
            if (list.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in list.EnumerateArray())
                    services.Add((i < starts.Count ? starts[i++] : 1, item.Clone()));
            }
            else if (list.ValueKind == JsonValueKind.Object) services.Add((1, list.Clone()));
        }
        catch (JsonException e)
        {
            return new ImportSheet([], [new ImportError((int)(e.LineNumber ?? 0) + 1, "-", null, new Bilingual(
                "Dit is geen geldige JSON: " + e.Message, "This is not valid JSON: " + e.Message))]);
        }
        if (services.Count == 0)
            return new ImportSheet([], [ImportError.File("Er staan geen HSDS-services in het bestand.", "The file holds no HSDS services.")]);

        var rows = new List<ImportRow>();
        var errors = new List<ImportError>();
        foreach (var (line, service) in services)
        {
            if (service.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ImportError(line, "-", null, new Bilingual("Een service is een JSON-object.", "A service is a JSON object.")));
                continue;
            }
            rows.Add(ReadService(line, service, errors));
        }
        return new ImportSheet(rows, errors);
    }

    private static readonly Dictionary<string, (string Column, string? Heading)> Cells = new()
    {
        [OfferColumns.PartnerField] = ("organization_id", null),
        [OfferColumns.KeyField] = ("id", null),
        [nameof(OfferInput.Name)] = ("name", null),
        [nameof(OfferInput.Description)] = ("description", null),
        [nameof(OfferInput.Format)] = ("attributes", HsdsTerms.Format),
        [nameof(OfferInput.LifeDomains)] = ("attributes", HsdsTerms.LifeDomain),
        [nameof(OfferInput.Dimensions)] = ("attributes", HsdsTerms.Dimension),
        [nameof(OfferInput.Facilitators)] = ("attributes", HsdsTerms.Facilitator),
        [nameof(OfferInput.Capacity)] = ("attributes", HsdsTerms.Capacity),
        [nameof(OfferInput.FlowPolicy)] = ("attributes", HsdsTerms.FlowPolicy),
        [nameof(OfferInput.Access)] = ("attributes", HsdsTerms.Access),
        [nameof(OfferInput.Funding)] = ("funding", "source"),
        [nameof(OfferInput.CostEuros)] = ("cost_options", "amount"),
        [nameof(OfferInput.IsOnline)] = ("location", "location_type"),
        [nameof(OfferInput.OnlineUrl)] = ("location", "url"),
        [nameof(OfferInput.Address)] = ("address", "address_1"),
        [nameof(OfferInput.Pc4)] = ("address", "postal_code"),
        [nameof(OfferInput.City)] = ("address", "city"),
        [nameof(OfferInput.Languages)] = ("languages", "code"),
        [nameof(OfferInput.Accessibility)] = ("accessibility", "description"),
        [nameof(OfferInput.ContactEmail)] = ("email", null),
        [nameof(OfferInput.ContactPhone)] = ("phones", "number"),
    };

    private static ImportRow ReadService(int line, JsonElement s, List<ImportError> errors)
    {
        void Error(string field, Bilingual reason) { var (c, h) = Cells[field]; errors.Add(new ImportError(line, c, h, reason)); }

        var partner = Str(s, "organization_id");
        if (partner is null && s.TryGetProperty("organization", out var org) && org.ValueKind == JsonValueKind.Object)
            partner = Str(org, "id") ?? Str(org, "name");

        var input = new OfferInput
        {
            Name = Str(s, "name") ?? "",
            Description = Str(s, "description") ?? "",
            ContactEmail = Str(s, "email"),
            ContactPhone = Items(s, "phones").Select(p => Str(p, "number")).FirstOrDefault(n => n is not null),
        };

        var languages = Items(s, "languages").Select(l => Str(l, "code")).Where(c => c is not null).ToList();
        if (languages.Count > 0) input = input with { Languages = string.Join(',', languages) };

        foreach (var attribute in Items(s, "attributes"))
        {
            var term = attribute.TryGetProperty("taxonomy_term", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
            var vocabulary = Str(attribute, "link_type");
            var taxonomy = term.ValueKind == JsonValueKind.Object ? Str(term, "taxonomy") : null;
            if (taxonomy?.StartsWith(HsdsTerms.Taxonomy(""), StringComparison.Ordinal) == true) vocabulary = taxonomy[HsdsTerms.Taxonomy("").Length..];
            var code = term.ValueKind == JsonValueKind.Object ? Str(term, "code") ?? Str(term, "name") : null;
            var value = Str(attribute, "value");
            switch (vocabulary)
            {
                case HsdsTerms.Format: if (One<OfferFormat>(code, nameof(OfferInput.Format), Error) is { } f) input = input with { Format = f }; break;
                case HsdsTerms.FlowPolicy: if (One<FlowPolicy>(code, nameof(OfferInput.FlowPolicy), Error) is { } p) input = input with { FlowPolicy = p }; break;
                case HsdsTerms.Access: if (One<Access>(code, nameof(OfferInput.Access), Error) is { } a) input = input with { Access = a }; break;
                case HsdsTerms.LifeDomain: if (One<LifeDomains>(code, nameof(OfferInput.LifeDomains), Error) is { } d) input = input with { LifeDomains = input.LifeDomains | d }; break;
                case HsdsTerms.Dimension: if (One<Dimensions>(code, nameof(OfferInput.Dimensions), Error) is { } m) input = input with { Dimensions = input.Dimensions | m }; break;
                case HsdsTerms.Facilitator: if (One<FacilitatorRoles>(code, nameof(OfferInput.Facilitators), Error) is { } r) input = input with { Facilitators = input.Facilitators | r }; break;
                case HsdsTerms.Capacity:
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seats)) input = input with { Capacity = seats };
                    else Error(nameof(OfferInput.Capacity), new($"'{value}' is geen heel getal.", $"'{value}' is not a whole number."));
                    break;
            }
        }

        var funding = Items(s, "funding").Select(f => Str(f, "source")).FirstOrDefault(x => x is not null);
        if (funding is not null && One<Funding>(funding, nameof(OfferInput.Funding), Error) is { } fu) input = input with { Funding = fu };
        foreach (var cost in Items(s, "cost_options").Take(1))
        {
            if (cost.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number) input = input with { CostEuros = amount.GetDecimal() };
            else if (cost.TryGetProperty("amount", out amount) && amount.ValueKind != JsonValueKind.Null)
                Error(nameof(OfferInput.CostEuros), new("Het bedrag is geen getal.", "The amount is not a number."));
        }

        var location = Items(s, "service_at_locations")
            .Select(sal => sal.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.Object ? l : default)
            .FirstOrDefault(l => l.ValueKind == JsonValueKind.Object);
        if (location.ValueKind == JsonValueKind.Object)
        {
            if (Str(location, "location_type") == "virtual")
                input = input with { IsOnline = true, OnlineUrl = Str(location, "url") ?? Str(s, "url") };
            else
            {
                var address = Items(location, "addresses").FirstOrDefault(a => Str(a, "address_type") is null or "physical");
                if (address.ValueKind == JsonValueKind.Object)
                    input = input with { Address = Str(address, "address_1"), Pc4 = Str(address, "postal_code"), City = Str(address, "city") };
            }
            input = input with { Accessibility = Items(location, "accessibility").Select(a => Str(a, "description")).FirstOrDefault(d => d is not null) };
        }
        return new ImportRow(line, partner, input) { Cells = Cells, Key = Str(s, "id") };
    }

    private static T? One<T>(string? code, string field, Action<string, Bilingual> error) where T : struct, Enum
    {
        if (code is not null && ImportVocabulary.TryParse<T>(code, out var value)) return value;
        error(field, new($"Term '{code}' kennen we niet; kies uit: {string.Join(", ", Enum.GetNames<T>())}.",
            $"Unknown term '{code}'; choose from: {string.Join(", ", Enum.GetNames<T>())}."));
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object) : [];

    /// <summary>The 1-based line on which each object of the services array starts (the root array, or the "contents" array).</summary>
    private static List<int> ObjectStarts(byte[] bytes, bool isArray, string? property)
    {
        var starts = new List<int>();
        if (!isArray) return starts;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var arrayDepth = -1;
        var pendingProperty = false;
        while (reader.Read())
        {
            if (arrayDepth < 0)
            {
                if (property is null && reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == 0) arrayDepth = 0;
                else if (property is not null && reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    pendingProperty = reader.ValueTextEquals(property);
                else if (pendingProperty && reader.TokenType == JsonTokenType.StartArray && reader.CurrentDepth == 1) arrayDepth = 1;
                continue;
            }
            if (reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == arrayDepth) break;
            if (reader.CurrentDepth != arrayDepth + 1 || reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) continue;
            starts.Add(LineAt(bytes, (int)reader.TokenStartIndex));
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        }
        return starts;
    }

    private static int LineAt(byte[] bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++) if (bytes[i] == (byte)'\n') line++;
        return line;
    }
}
