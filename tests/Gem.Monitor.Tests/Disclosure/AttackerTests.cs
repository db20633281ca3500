using Gem.Monitor.Microdata;
using Gem.Monitor.Statistics;
using Gem.Monitor.Tests.Report;
using Xunit.Abstractions;

namespace Gem.Monitor.Tests.Disclosure;

/// <summary>Plays the attacker over every published output of the synthetic national data (issue 18, item 1).</summary>
[Collection(MonitorReportCollection.Name)]
public sealed class AttackerTests(MonitorReportFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Attacker_AllPublishedOutputsOfTheSyntheticNationalData_RecoversNoCountBelowTen()
    {
        IReadOnlyList<Pc4Aggregate> truth = MicrodataIndicators.Aggregate(fixture.MicrodataGlob);
        int year = truth.Max(static t => t.Year);
        var areas = truth.Where(t => t.Year == year).OrderBy(static t => t.Pc4, StringComparer.Ordinal).ToList();
        PoissonGammaFit fit = PoissonGammaSmoother.Smooth([.. areas.Select(static a => (double)a.CompulsoryAdmissions)], [.. areas.Select(static a => (double)Math.Max(1, a.Inhabitants))]);
        (double, double) prior = fixture.Result.Microdata!.CompulsoryPrior.TryGetValue(year, out var p) ? p : (fit.Shape, fit.Rate);
        string csv = File.ReadAllText(Path.Combine(fixture.OutFolder, "indicatoren_pc4.csv"));
        string[] html = [File.ReadAllText(fixture.ReportPath), .. fixture.PublishedPages()];

        AttackResult result = Attacker.Run(csv, html, truth, year, prior, MicrodataIndicators.RatesFromPublishedCounts);
        IReadOnlyList<string> rule = Attacker.RestingOnFewerThanTen(fixture.Result.Microdata!.Pc4, truth);
        var shown = fixture.Result.Microdata!.Pc4.Where(x => x.Year == year).ToList();
        output.WriteLine($"{areas.Count} PC4 areas; prevalence shown in {shown.Count(static x => x.TreatedPrevalence is not null)}, smoothed compulsory rate in {shown.Count(static x => x.CompulsoryPer10000Smoothed is not null)}");
        output.WriteLine(result.ToString());
        output.WriteLine($"published rates resting on < 10: {rule.Count}" + (rule.Count > 0 ? " e.g. " + string.Join(" | ", rule.Take(3)) : string.Empty));

        Assert.Equal(0, result.TotalSmall);
        Assert.Equal(0, result.TotalExact);
        Assert.Empty(rule);
    }
}
