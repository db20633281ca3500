using Gem.Monitor.Gemeenten;
using Gem.Monitor.Indicators;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Indicators;

/// <summary>Gemeenten whose spending an institution drives are marked from the Vektis columns (issue 18, item 6).</summary>
public sealed class InstitutionContextTests
{
    private static readonly IReadOnlyList<GgzYear> Years =
        [.. VektisReader.ReadFolder(RepoPaths.Vektis).Select(static f => GgzExpenditure.Compute(f, GemeenteNames.Default))];

    [Fact]
    public void For_2022_MarksTheInstitutionGemeentenOfTheReview_AndErmeloInTheDemoRegion()
    {
        var marks = InstitutionContext.For(Years, 2022);

        foreach (string g in new[] { "Albrandswaard", "Oegstgeest", "Tynaarlo", "Ermelo" })
        {
            Assert.True(marks.ContainsKey(g), g);
        }

        // Ermelo through long-term GGZ in 2020 (28% against 4% nationally); its 2022 intramural share (29%) is ordinary.
        InstitutionMark ermelo = marks["Ermelo"];
        Assert.Equal((2020, VektisCost.LangdurigeGgz), (ermelo.Year, ermelo.Column));
        Assert.InRange(ermelo.Share, 0.27, 0.29);
        Assert.Equal("instelling: 28% langdurige ggz (2020; NL 4%)", InstitutionContext.Dutch(ermelo));
        Assert.InRange(marks.Count, 5, 40); // a few, not a quarter of all gemeenten
        Assert.DoesNotContain("Harderwijk", marks.Keys);
        Assert.DoesNotContain("Amsterdam", marks.Keys);
    }
}
