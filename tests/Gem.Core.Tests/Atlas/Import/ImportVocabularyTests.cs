using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;

namespace Gem.Core.Tests.Atlas.Import;

public sealed class ImportVocabularyTests
{
    [Theory]
    [InlineData("inloop", OfferFormat.WalkIn)]
    [InlineData("WalkIn", OfferFormat.WalkIn)]
    [InlineData("walk-in", OfferFormat.WalkIn)]
    [InlineData(" Thuis ", OfferFormat.HomeSupport)]
    [InlineData("HOME_SUPPORT", OfferFormat.HomeSupport)]
    public void TryParse_DutchOrEnglishWord_FindsValue(string word, OfferFormat expected)
    {
        Assert.True(ImportVocabulary.TryParse<OfferFormat>(word, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void ParseFlags_MixedWordsAndUnknown_ReturnsFlagsAndUnknown()
    {
        var flags = ImportVocabulary.ParseFlags<LifeDomains>("geld en schulden; Housing; heimwee", out var unknown);

        Assert.Equal(LifeDomains.MoneyAndDebt | LifeDomains.Housing, flags);
        Assert.Equal(["heimwee"], unknown);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(15, "P")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void ColumnLetter_Index_IsSpreadsheetLetter(int index, string letter) =>
        Assert.Equal(letter, TabularOfferReader.ColumnLetter(index));

    [Fact]
    public void UuidV5_KnownNamespaceAndName_MatchesPythonUuid5()
    {
        // python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"))'
        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), HsdsTerms.UuidV5(new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
    }

    [Fact]
    public void Derive_IsStableVersion5AndDiffersByKind()
    {
        var id = Guid.NewGuid();
        var location = HsdsTerms.Derive(id, "location");

        Assert.Equal(location, HsdsTerms.Derive(id, "location"));
        Assert.NotEqual(location, HsdsTerms.Derive(id, "phone"));
        var text = location.ToString();
        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void ImportError_ToString_IsBilingualWithLineAndColumn()
    {
        var error = new ImportError(12, "E", "Pc4", new Bilingual("onbekende postcode", "unknown postcode"));

        Assert.Equal("regel 12, kolom E (Pc4): onbekende postcode / line 12, column E (Pc4): unknown postcode", error.ToString());
    }
}
