using Gem.Core.Consultation;
using Gem.Core.Dashboard;

namespace Gem.Core.Tests.Consultation;

/// <summary>The pool's accountability figures from small hand-built inputs, and the de-identification gate.</summary>
public sealed class ConsultationFiguresTests
{
    // Monday 2 March 2026, 09:00 Amsterdam.
    private static readonly DateTimeOffset Monday = WorkingTime.At(new DateOnly(2026, 3, 2), new TimeOnly(9, 0));

    private static ConsultationFact Fact(string asker, double answerHours, NextStep? next, string? org = "GGZ", int minutes = 30) =>
        new(asker, Monday, WorkingTime.AddWorkingDays(Monday, 3), answerHours < 0 ? null : WorkingTime.Add(Monday, TimeSpan.FromHours(answerHours)), next, org, minutes);

    [Fact]
    public void Quantile_IsRType7() =>
        Assert.Equal([1.0, 2.5, 3.7], new[] { 0.0, 0.5, 0.9 }.Select(q => Math.Round(ConsultationFigures.Quantile([1, 2, 3, 4], q), 10)).ToArray());

    [Fact]
    public void Compute_CountsBandsDueTimeAndReferrals()
    {
        var facts = new List<ConsultationFact>();
        for (int i = 0; i < 12; i++) facts.Add(Fact("Sector.SociaalDomein", 2 + i, i < 3 ? NextStep.Referral : NextStep.Group)); // 2..13 h, all within 24 h
        for (int i = 0; i < 10; i++) facts.Add(Fact("Sector.HuisartsPoh", 30, NextStep.Nothing)); // over the 3 working days
        facts.Add(Fact("Asker.Person", -1, null)); // not answered yet
        var r = ConsultationFigures.Compute(facts, new Gem.Monitor.Disclosure.DisclosureControl());

        Assert.Equal(23, r.Exact.Requests);
        Assert.Equal(22, r.Exact.Answered);
        Assert.Equal(12, r.Exact.WithinDue);
        Assert.Equal(22, r.Exact.Closed);
        Assert.Equal(19, r.Exact.WithoutReferral);
        // Sorted: 2..13 (12 values) then ten times 30 → median of 22 values is between the 11th (12) and 12th (13).
        Assert.Equal(12.5, r.Exact.MedianHours!.Value, 6);
        Assert.Equal(FigureKind.Share, r.WithinDue.Kind);
        Assert.Equal(12.0 / 22, r.WithinDue.Value, 6);
        // Bands [0,4): 2,3 → 2; [4,8): 4..7 → 4; [8,24): 8..13 → 6; [24,40): 10; 40+: 0; not answered: 1 (small, suppressed).
        Assert.Equal([2, 4, 6, 10, 0, 1], r.AnswerTimes.Exact);
        Assert.Equal(FigureKind.Small, r.AnswerTimes.Table.Rows[^1].Values[0].Kind);
        Assert.Equal(11.0, r.Hours.Rows[0].Values[1].Value); // 22 answers × 30 minutes
    }

    [Fact]
    public void Compute_FewerThanTen_ShowsNothing()
    {
        var r = ConsultationFigures.Compute([Fact("Sector.Jeugd", 3, NextStep.Referral)], new Gem.Monitor.Disclosure.DisclosureControl());
        Assert.Equal(FigureKind.Small, r.MedianHours.Kind);
        Assert.Equal(FigureKind.Small, r.WithinDue.Kind);
        Assert.Equal(FigureKind.Small, r.WithoutReferral.Kind);
        Assert.All(r.Hours.Rows, row => Assert.All(row.Values, v => Assert.Equal(FigureKind.Small, v.Kind)));
    }

    [Theory]
    [InlineData("Mail me op jan@voorbeeld.nl", false)]
    [InlineData("Bel 06-12345678", false)]
    [InlineData("Ze woont in 3841 AB", false)]
    [InlineData("Geboren 12-03-1990", false)]
    [InlineData("Zie www.voorbeeld.nl", false)]
    [InlineData("Iemand van in de dertig die slecht slaapt sinds het verlies van werk.", true)]
    public void Deidentified_RefusesObviousIdentifiers(string text, bool ok) => Assert.Equal(ok, CaseSessions.Deidentified(text));

    [Theory]
    [InlineData("Ik wil niet meer leven")]
    [InlineData("Hij heeft het over zelfmoord")]
    public void CrisisWords_AreFound_WithTheFrontDoorsList(string text) => Assert.NotNull(ConsultationService.CrisisPhrase(null, text));
}
