using System.Globalization;
using System.Text.RegularExpressions;
using Gem.Testing;

namespace Gem.Web.Tests.FrontDoor;

/// <summary>
/// Issue 13, items 2 and 3, on the results page over the demo region: helplines shown as what they are, the week list
/// without repeated cards, a postcode that cannot be used said so, sorting by distance, fewer cards at once.
/// </summary>
[SqliteOnly("renders local help; the offer queries run on both in AtlasApiTests")]
public sealed partial class FrontDoorLocalHelpTests(FrontDoorLocalHelpTests.Host host) : IClassFixture<FrontDoorLocalHelpTests.Host>
{
    public sealed class Host : IAsyncLifetime
    {
        public GemWebFactory Factory { get; private set; } = null!;
        public async Task InitializeAsync() => Factory = await GemWebFactory.CreateAsync(Core.Data.DatabaseProvider.Sqlite);
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private HttpClient Client() => host.Factory.CreateClient(new() { AllowAutoRedirect = false });

    private static string Week(string html) => html[html.IndexOf("data-testid=\"this-week\"", StringComparison.Ordinal)..];

    [Theory]
    [InlineData("/voorportaal/hulp?d=LowMood&pc4=3851")]
    [InlineData("/voorportaal/hulp?d=GriefAndLoss&pc4=3851")]
    [InlineData("/voorportaal/hulp?d=LowMood&pc4=8071")]
    public async Task Results_DomainNearErmeloOrNunspeet_ThisWeekHoldsNoHelplineAndNoRepeatedCard(string path)
    {
        var html = await Client().GetStringAsync(path);
        var week = Week(html);

        Assert.DoesNotContain("data-helpline=\"true\"", week, StringComparison.Ordinal);
        // "113" as a word: the hex ids of the page (offers, sessions) may hold the digits 113 on some days.
        Assert.DoesNotMatch(@"\b113\b", week);
        foreach (var name in new[] { "MIND Korrelatie", "De Luisterlijn" }) Assert.DoesNotContain(name, week, StringComparison.Ordinal);
        // Every offer appears as a card once; the week list points to cards above instead of repeating them.
        var cards = CardOffer().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(cards.Count, cards.Distinct().Count());
        Assert.Equal(3, CardOffer().Matches(week).Count + Regex.Matches(week, "data-testid=\"week-seen\"").Count);
    }

    [Fact]
    public async Task Results_HelplineShown_IsALineAlwaysAvailableNeverAGroup()
    {
        var html = await Client().GetStringAsync("/voorportaal/hulp?d=LowMood&w=TalkToSomeone&where=online");

        var helplines = HelplineCard().Matches(html);
        Assert.NotEmpty(helplines);
        foreach (Match card in helplines)
        {
            Assert.Contains("telefoon- of chatlijn, altijd bereikbaar", card.Value, StringComparison.Ordinal);
            Assert.Contains("data-group=\"false\"", card.Value, StringComparison.Ordinal);
            Assert.DoesNotContain("je ontmoet anderen", card.Value, StringComparison.Ordinal);
            Assert.DoesNotContain(">groep<", card.Value, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("0000", "kennen postcode 0000 niet")]
    [InlineData("12", "kennen postcode 12 niet")]
    [InlineData("1012", "buiten onze regio")]
    public async Task Results_PostcodeUnknownOrOutsideTheRegion_SaysSo(string pc4, string words)
    {
        var html = await Client().GetStringAsync($"/voorportaal/hulp?d=LowMood&pc4={pc4}");

        Assert.Contains("data-testid=\"pc4-notice\"", html, StringComparison.Ordinal);
        Assert.Contains(words, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_PostcodeInTheRegion_NoNotice()
    {
        var html = await Client().GetStringAsync("/voorportaal/hulp?d=LowMood&pc4=3851");
        Assert.DoesNotContain("data-testid=\"pc4-notice\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_SortByDistance_NearestCardsFirstOnlineLast()
    {
        var html = await Client().GetStringAsync("/voorportaal/hulp?d=LowMood&d=LonelinessAndContact&pc4=3851&sort=afstand");
        var matches = html[html.IndexOf("data-testid=\"matches\"", StringComparison.Ordinal)..html.IndexOf("data-testid=\"this-week\"", StringComparison.Ordinal)];

        var distances = Distance().Matches(matches).Select(m => m.Groups[1].Success ? double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : double.MaxValue).ToList();
        Assert.True(distances.Count >= 6);
        Assert.Equal(distances.Order(), distances);
        Assert.Contains("Gesorteerd op afstand", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_TwelveMatches_SixShownAndTheRestBehindOneTap()
    {
        var html = await Client().GetStringAsync("/voorportaal/hulp?d=LowMood&pc4=3851");
        var top = html[..html.IndexOf("data-testid=\"more\"", StringComparison.Ordinal)];
        Assert.Equal(6, CardOffer().Matches(top).Count);
        Assert.Contains("<details class=\"more\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("data-testid=\"match\"[^>]*data-offer=\"([0-9a-f-]+)\"")]
    private static partial Regex CardOffer();

    [GeneratedRegex("<li id=\"aanbod-[^\"]+\" data-testid=\"match\"[^>]*data-helpline=\"true\".*?</li>", RegexOptions.Singleline)]
    private static partial Regex HelplineCard();

    [GeneratedRegex("data-testid=\"distance\">(?:([0-9]+[,.][0-9]) km|Online)")]
    private static partial Regex Distance();
}
