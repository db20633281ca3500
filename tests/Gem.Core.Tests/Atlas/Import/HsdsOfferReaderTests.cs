using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;

namespace Gem.Core.Tests.Atlas.Import;

public sealed class HsdsOfferReaderTests
{
    private static string Service(string name, string postalCode) => $$$"""
          {
            "id": "{{{Guid.NewGuid()}}}",
            "organization_id": "Buurthuis A (fictief)",
            "name": "{{{name}}}",
            "status": "active",
            "languages": [{"id": "{{{Guid.NewGuid()}}}", "code": "nl"}, {"id": "{{{Guid.NewGuid()}}}", "code": "en"}],
            "attributes": [
              {"id": "{{{Guid.NewGuid()}}}", "link_type": "format", "taxonomy_term": {"id": "{{{Guid.NewGuid()}}}", "code": "WalkIn", "name": "inloop", "description": "walk-in", "taxonomy": "urn:gem:atlas:format"}},
              {"id": "{{{Guid.NewGuid()}}}", "link_type": "life_domain", "taxonomy_term": {"id": "{{{Guid.NewGuid()}}}", "code": "Housing", "name": "wonen", "description": "housing"}},
              {"id": "{{{Guid.NewGuid()}}}", "link_type": "capacity", "value": "15", "taxonomy_term": {"id": "{{{Guid.NewGuid()}}}", "code": "capacity", "name": "capaciteit", "description": "seats"}}
            ],
            "funding": [{"id": "{{{Guid.NewGuid()}}}", "source": "wmo"}],
            "cost_options": [{"id": "{{{Guid.NewGuid()}}}", "amount": 3.5, "currency": "EUR"}],
            "service_at_locations": [{"id": "{{{Guid.NewGuid()}}}", "location": {"id": "{{{Guid.NewGuid()}}}", "location_type": "physical",
              "addresses": [{"id": "{{{Guid.NewGuid()}}}", "address_1": "Kerkplein 1", "city": "Harderwijk", "state_province": "", "postal_code": "{{{postalCode}}}", "country": "NL", "address_type": "physical"}]}}]
          }
        """;

    [Fact]
    public void Read_HsdsPage_MapsEveryField()
    {
        var json = "{\n  \"total_items\": 1,\n  \"contents\": [\n" + Service("Inloop", "3841") + "\n  ]\n}";

        var sheet = HsdsOfferReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Empty(sheet.Errors);
        var row = Assert.Single(sheet.Rows);
        Assert.Equal(4, row.Line);
        Assert.Equal("Buurthuis A (fictief)", row.Partner);
        Assert.Equal(new OfferInput
        {
            Name = "Inloop", Format = OfferFormat.WalkIn, LifeDomains = LifeDomains.Housing, Capacity = 15, Funding = Funding.Wmo, CostEuros = 3.5m,
            Address = "Kerkplein 1", Pc4 = "3841", City = "Harderwijk", Languages = "nl,en",
        }, row.Input);
        Assert.Empty(row.Input.Validate());
    }

    [Fact]
    public void Read_UnknownTerm_NamesServiceLineAndField()
    {
        var second = Service("Tweede", "3841").Replace("\"WalkIn\"", "\"Kampvuur\"", StringComparison.Ordinal);
        var json = "[\n" + Service("Eerste", "3841") + ",\n" + second + "\n]";
        var secondLine = json[..json.IndexOf("\"Tweede\"", StringComparison.Ordinal)].Count(c => c == '\n') - 3; // the "{" three lines above "name"

        var sheet = HsdsOfferReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        var error = Assert.Single(sheet.Errors);
        Assert.Equal(secondLine + 1, error.Line);
        Assert.Equal("attributes (format)", error.ColumnLabel);
        Assert.Contains("Kampvuur", error.Reason.En, StringComparison.Ordinal);
    }
}
