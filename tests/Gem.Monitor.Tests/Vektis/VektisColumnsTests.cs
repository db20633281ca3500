using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Vektis;

public class VektisColumnsTests
{
    [Theory]
    [InlineData("GEMEENTENAAM", "gemeentenaam")]
    [InlineData("\uFEFFgeslacht", "geslacht")]
    [InlineData("AANTAL_VERZEKERDEJAREN", "aantal_verzekerdejaren")]
    [InlineData("KOSTEN_SPECIALISTISCHE_GGZ", "kosten_specialistische_ggz")]
    [InlineData("kosten_medisch_specialistische_z", "kosten_medisch_specialistische_zorg")]
    [InlineData("kosten_paramedische_zorg_fysioth", "kosten_paramedische_zorg_fysiotherapie")]
    [InlineData("kosten_geriatrische_revalidatiez", "kosten_geriatrische_revalidatiezorg")]
    [InlineData("kosten_intramuraal_verblijf", "kosten_intramuraal_verblijf_ggz")]
    [InlineData("Kosten Overige Prestaties GGZ", "kosten_overige_prestaties_ggz")]
    [InlineData("kosten_overig", "kosten_overig")]
    public void TryMap_KnownOrShortenedHeader_ReturnsCanonicalName(string header, string expected)
    {
        Assert.Equal(expected, VektisColumns.TryMap(header));
    }

    [Theory]
    [InlineData("kosten_huisarts")] // shorter than the truncation minimum
    [InlineData("kosten_paramedische_zorg")] // start of two names (fysiotherapie, overig)
    [InlineData("kosten_wijkverpleging")]
    [InlineData("postcode_3")]
    public void TryMap_UnknownOrAmbiguousHeader_ReturnsNull(string header)
    {
        Assert.Null(VektisColumns.TryMap(header));
    }

    [Fact]
    public void CanonicalNames_AllCostColumns_AreUniqueAndStartWithKosten()
    {
        var costs = VektisColumns.CanonicalNames.Skip(5).ToList();
        Assert.Equal(Enum.GetValues<VektisCost>().Length, costs.Count);
        Assert.All(costs, static c => Assert.StartsWith("kosten_", c, StringComparison.Ordinal));
        Assert.Equal(VektisColumns.CanonicalNames.Count, VektisColumns.CanonicalNames.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("kosten_verpleging_en_verzorging", VektisColumns.NameOf(VektisCost.VerplegingEnVerzorging));
    }
}
