using Gem.Core.Atlas;

namespace Gem.Core.Tests.Atlas;

public sealed class Pc4DirectoryTests
{
    [Theory]
    [InlineData("3841", "3841")]
    [InlineData(" 3841 AB", "3841")]
    [InlineData("3841ab", "3841")]
    [InlineData("384", null)]
    [InlineData("0841", null)]
    [InlineData("abcd", null)]
    [InlineData(null, null)]
    public void Normalise_Input_GivesFourDigitsOrNull(string? input, string? expected) =>
        Assert.Equal(expected, Pc4Directory.Normalise(input));

    [Fact]
    public void All_CoversTheCountryWithPlaceAndGemeente()
    {
        Assert.InRange(Pc4Directory.All.Count, 4000, 4100);
        var elburg = Pc4Directory.Find("8081")!;
        Assert.Equal("Elburg", elburg.Gemeente);
        Assert.Equal("Nuenen, Gerwen en Nederwetten", Pc4Directory.Find("5671")!.Gemeente);
    }

    [Fact]
    public void DistanceKm_HarderwijkToElburg_IsAboutTwentyKilometres()
    {
        var h = Pc4Directory.Find("3841")!;
        var e = Pc4Directory.Find("8081")!;
        Assert.InRange(Pc4Directory.DistanceKm(h.Latitude, h.Longitude, e.Latitude, e.Longitude), 17, 23);
        Assert.Equal(0, Pc4Directory.DistanceKm(h.Latitude, h.Longitude, h.Latitude, h.Longitude), 9);
    }
}
