using Gem.Monitor.Deprivation;

namespace Gem.Monitor.Indicators;

/// <summary>One Vektis year with what the monitor derives from it: age–sex standardisation with its funnel and the deprivation regression.</summary>
/// <param name="SesYear">The SES-WOA year the regression used (<see cref="SesWoa.YearFor"/>).</param>
public sealed record MonitorYear(GgzYear Ggz, StandardisedExpenditureResult Standardised, int SesYear, DeprivationResult Deprivation)
{
    public int Year => Ggz.Year;

    public static MonitorYear Compute(GgzYear ggz, IReadOnlyList<SesPc4> sesPc4, Pc4Crosswalk crosswalk)
    {
        ArgumentNullException.ThrowIfNull(ggz);
        ArgumentNullException.ThrowIfNull(sesPc4);
        int sesYear = SesWoa.YearFor(sesPc4, ggz.Year);
        IReadOnlyList<SesGemeente> sesGemeente = SesWoa.ByGemeente(sesPc4, sesYear, crosswalk);
        return new MonitorYear(ggz, StandardisedExpenditure.Compute(ggz), sesYear, DeprivationModel.Fit(ggz.Year, DeprivationModel.Inputs(ggz, sesGemeente)));
    }
}
