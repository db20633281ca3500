using System.Text.RegularExpressions;
using Gem.Core.Atlas;
using Gem.Core.FrontDoor;

namespace Gem.Core.Tests.FrontDoor;

public sealed partial class CrisisSignalsTests
{
    [Theory]
    [InlineData("Ik wil niet meer leven")]
    [InlineData("ik denk aan ZELFMOORD!!")]
    [InlineData("Soms wil ik er gewoon niet meer zijn.")]
    [InlineData("ik ga mezelf iets aandoen")]
    [InlineData("Mijn vriend slaat me, ik ben niet veilig thuis")]
    [InlineData("denk aan zelfdóding")]
    [InlineData("I want to kill myself")]
    public void IsAcute_DangerInOwnWords_True(string text) =>
        Assert.True(CrisisSignals.IsAcute(new FrontDoorAnswers { OwnWords = text }));

    [Theory]
    [InlineData("Ik heb schulden en slaap slecht")]
    [InlineData("Mijn moeder is vorig jaar overleden en ik mis haar")]
    [InlineData("Ik voel me alleen sinds de verhuizing")]
    [InlineData("autokrassen op de parkeerplaats")]
    [InlineData("")]
    [InlineData(null)]
    public void IsAcute_EverydayTroubles_False(string? text) =>
        Assert.False(CrisisSignals.IsAcute(new FrontDoorAnswers { OwnWords = text, Domains = LifeDomains.GriefAndLoss | LifeDomains.MoneyAndDebt }));

    [Fact]
    public void IsAcute_NotSafeTicked_True() =>
        Assert.True(CrisisSignals.IsAcute(new FrontDoorAnswers { NotSafe = true }));

    [Fact]
    public void Match_AcuteWords_ResultSaysCrisisAndStillShowsHelp()
    {
        var result = FrontDoorMatcher.Match(DemoCatalog.Catalog, new FrontDoorAnswers { OwnWords = "ik wil dood", Domains = LifeDomains.LowMood }, DemoCatalog.Now);
        Assert.True(result.Crisis);
        Assert.Equal("wil dood", result.CrisisPhrase);
        Assert.NotEmpty(result.Matches);
    }

    [Fact]
    public void Phrases_MatchTheDocumentedList()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "frontdoor-crisis-phrases.md"));
        var documented = PhraseLine().Matches(doc).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(CrisisSignals.Phrases.ToList(), documented);
    }

    [Fact]
    public void Phrases_AreNormalisedAndUnique()
    {
        Assert.All(CrisisSignals.Phrases, p => Assert.Equal(CrisisSignals.Normalise(p), p));
        Assert.Equal(CrisisSignals.Phrases.Count, CrisisSignals.Phrases.Distinct(StringComparer.Ordinal).Count());
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Gem.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Gem.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^- `([^`]+)`", RegexOptions.Multiline)]
    private static partial Regex PhraseLine();
}
