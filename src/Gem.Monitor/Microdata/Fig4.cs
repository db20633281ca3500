namespace Gem.Monitor.Microdata;

/// <summary>One of the six Fig. 4 indicators per PC4 (seed 002): how to read it from the protected record and how to show it.</summary>
/// <param name="Id">Map id and resource suffix (e.g. pc4-prevalentie).</param>
/// <param name="Dutch">Dutch title (report).</param>
/// <param name="Percent">Shown as a percentage (else euro).</param>
/// <param name="Decimals">Decimals shown (of the percentage, or of the euro amount).</param>
public sealed record Fig4Indicator(string Id, string Dutch, Func<Pc4Indicators, double?> Value, bool Percent, int Decimals)
{
    /// <summary>The shown text in a culture: "€ 1.234" or "12,3%". Maps, tables and report print at most this precision.</summary>
    public string Format(double value, IFormatProvider culture) => Percent
        ? (100 * value).ToString("N" + Decimals.ToString(System.Globalization.CultureInfo.InvariantCulture), culture) + "%"
        : "€ " + value.ToString("N" + Decimals.ToString(System.Globalization.CultureInfo.InvariantCulture), culture);
}

/// <summary>The six Fig. 4 indicators, in the article's order; shared by the report and the /monitor pages.</summary>
public static class Fig4
{
    public static IReadOnlyList<Fig4Indicator> Indicators { get; } =
    [
        new("pc4-kosten-inwoner", "Ggz-uitgaven per inwoner", static p => p.CostPerInhabitant, false, 0),
        new("pc4-kosten-patient", "Ggz-uitgaven per patiënt", static p => p.CostPerPatient, false, 0),
        new("pc4-prevalentie", "Behandelde prevalentie", static p => p.TreatedPrevalence, true, 1),
        new("pc4-ernstig", "Fractie uitgaven ernstige psychische aandoeningen", static p => p.FractionSmi, true, 0),
        new("pc4-basis", "Fractie basis-ggz", static p => p.FractionBasic, true, 0),
        new("pc4-specialistisch", "Fractie specialistische ggz", static p => p.FractionSpecialist, true, 0),
    ];
}
