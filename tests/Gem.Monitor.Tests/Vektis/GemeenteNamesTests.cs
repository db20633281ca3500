using Gem.Monitor.Gemeenten;

namespace Gem.Monitor.Tests.Vektis;

public class GemeenteNamesTests
{
    [Theory]
    [InlineData("S GRAVENHAGE", "'s-Gravenhage", GemeenteAliasKind.Self)]
    [InlineData("SUDWEST-FRYSLAN", "Súdwest-Fryslân", GemeenteAliasKind.Self)]
    [InlineData("BERGEN NH", "Bergen (NH.)", GemeenteAliasKind.Self)]
    [InlineData("BERGEN LB", "Bergen (L.)", GemeenteAliasKind.Spelling)]
    [InlineData("NUENEN CA", "Nuenen, Gerwen en Nederwetten", GemeenteAliasKind.Spelling)]
    [InlineData("Hoekse Waard", "Hoeksche Waard", GemeenteAliasKind.Spelling)]
    [InlineData("DELFZIJL", "Eemsdelta", GemeenteAliasKind.Merger)]
    [InlineData("Mill en Sint Hubert", "Land van Cuijk", GemeenteAliasKind.Merger)]
    [InlineData("WESTVOORNE", "Voorne aan Zee", GemeenteAliasKind.Merger)]
    public void TryResolve_VektisOrCbsName_ReturnsMonitorGemeente(string name, string expected, GemeenteAliasKind kind)
    {
        GemeenteMatch? match = GemeenteNames.Default.TryResolve(name);
        Assert.NotNull(match);
        Assert.Equal(expected, match.Gemeente);
        Assert.Equal(kind, match.Kind);
    }

    [Fact]
    public void TryResolve_SplitGemeente_HasNoTarget()
    {
        GemeenteMatch? match = GemeenteNames.Default.TryResolve("HAAREN");
        Assert.NotNull(match);
        Assert.Equal(GemeenteAliasKind.Split, match.Kind);
        Assert.Null(match.Gemeente);
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsNamingTheGemeente()
    {
        var ex = Assert.Throws<UnknownGemeenteException>(() => GemeenteNames.Default.Resolve("ATLANTIS", "f.csv"));
        Assert.Contains("'ATLANTIS'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("f.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_Gemeenten_Has342MonitorGemeenten()
    {
        Assert.Equal(342, GemeenteNames.Default.Gemeenten.Count);
    }

    [Fact]
    public void Parse_AliasToUnknownTarget_Throws()
    {
        Assert.Throws<InvalidDataException>(() => GemeenteNames.Parse("Utrecht\n", "naam;gemeente;soort;jaar;toelichting\nX;Atlantis;fusie;2020;\n"));
    }
}
