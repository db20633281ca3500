using Gem.Core.Atlas;

namespace Gem.Core.Tests.Atlas;

public sealed class OfferInputTests
{
    private static OfferInput Valid() => new()
    {
        Name = "Herstelgroep", Format = OfferFormat.Group, LifeDomains = LifeDomains.LowMood, FlowPolicy = FlowPolicy.Rolling,
        Funding = Funding.Free, Access = Access.NoReferral, Address = "Voorbeeldstraat 1", Pc4 = "3841", Capacity = 10,
    };

    [Fact]
    public void Validate_ValidPlaceOffer_HasNoErrors() => Assert.Empty(Valid().Validate());

    [Theory]
    [InlineData("Name")]
    [InlineData("LifeDomains")]
    [InlineData("Pc4")]
    [InlineData("Capacity")]
    [InlineData("OnlineUrl")]
    [InlineData("Languages")]
    [InlineData("CostEuros")]
    [InlineData("Format")]
    public void Validate_OneBadField_NamesThatField(string field)
    {
        var input = field switch
        {
            "Name" => Valid() with { Name = " " },
            "LifeDomains" => Valid() with { LifeDomains = LifeDomains.None },
            "Pc4" => Valid() with { Pc4 = "0999" },
            "Capacity" => Valid() with { Capacity = 0 },
            "OnlineUrl" => Valid() with { IsOnline = true, OnlineUrl = "ftp://x" },
            "Languages" => Valid() with { Languages = "Nederlands" },
            "CostEuros" => Valid() with { CostEuros = -1 },
            "Format" => Valid() with { Format = (OfferFormat)99 },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        Assert.Equal([field], input.Validate().Keys);
    }

    [Fact]
    public void ApplyTo_PlaceOffer_TakesCoordinatesAndPlaceFromThePc4()
    {
        var offer = new Offer { Name = "x" };
        (Valid() with { Pc4 = "8081 AB", Languages = "nl, en" }).ApplyTo(offer, DateTimeOffset.UnixEpoch);
        Assert.Equal("8081", offer.Pc4);
        Assert.Equal("Elburg", offer.City);
        Assert.InRange(offer.Latitude!.Value, 52.4, 52.5);
        Assert.Equal("nl,en", offer.Languages);
    }

    [Fact]
    public void ApplyTo_OnlineOffer_ClearsThePlace()
    {
        var offer = new Offer { Name = "x", Address = "Oud 1", Pc4 = "3841", Latitude = 1 };
        (Valid() with { IsOnline = true, OnlineUrl = "https://example.org/groep" }).ApplyTo(offer, DateTimeOffset.UnixEpoch);
        Assert.Null(offer.Address);
        Assert.Null(offer.Pc4);
        Assert.Null(offer.Latitude);
        Assert.Equal("https://example.org/groep", offer.OnlineUrl);
    }
}
