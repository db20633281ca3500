using System.Globalization;
using System.Text;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Indicators;

namespace Gem.Monitor.Social;

/// <summary>Where a figure belongs.</summary>
public enum SocialLevel
{
    Nederland,
    Gemeente,
    Wijk,
}

/// <summary>
/// One published figure of the social monitor, as the CSV writes it and the page shows it: the value rounded to the
/// indicator's decimals (the page shows exactly these numbers).
/// </summary>
public sealed record SocialFigure(SocialIndicator Indicator, string Period, SocialLevel Level, string Code, string Name, string Gemeente, bool InRegion, double Value, double? Lower, double? Upper)
{
    /// <summary>The key that ties a page cell to its CSV row.</summary>
    public string Id => $"{Indicator.Key}|{Period}|{Level}|{Code}";
}

/// <summary>Everything the social monitor shows for a region: the indicators, the need model and the coherence with social care.</summary>
public sealed record SocialReport(SocialData Data, IReadOnlyList<string> Region, NeedResult Need, CoherenceResult Coherence, int SesYear, IReadOnlyList<SocialFigure> Figures)
{
    /// <summary>The demo region Noordwest-Veluwe (GEM's pilot): its six gemeenten.</summary>
    public static IReadOnlyList<string> NoordwestVeluwe { get; } = ["Elburg", "Ermelo", "Harderwijk", "Nunspeet", "Oldebroek", "Putten"];

    /// <summary>The Vektis year of the need model: the Gezondheidsmonitor's MHI-5 is from 2022, and so is the latest Vektis file.</summary>
    public const int NeedYear = 2022;

    public static int Decimals(SocialIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Unit switch
        {
            "aantal" or "per 100.000" => 0,
            _ => 1,
        };
    }

    public static SocialReport Compute(SocialData data, IReadOnlyList<string> region, IReadOnlyList<GgzYear> years, IReadOnlyList<SesPc4> sesPc4, Pc4Crosswalk crosswalk)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(years);
        GgzYear ggz = years.FirstOrDefault(static y => y.Year == NeedYear)
            ?? throw new InvalidDataException($"The need model needs the Vektis file of {NeedYear} (vektis_{NeedYear}_gemeente.csv).");
        int sesYear = SesWoa.YearFor(sesPc4, NeedYear);
        IReadOnlyList<SesGemeente> ses = SesWoa.ByGemeente(sesPc4, sesYear, crosswalk);
        NeedResult need = NeedModel.Fit(NeedYear, NeedModel.Inputs(ggz, ses, data.Get(SocialData.MentalComplaints.Key)));
        CoherenceResult coherence = Social.Coherence.Compute(need, data.Get(SocialData.Wmo.Key), data.Get(SocialData.YouthCare.Key));
        return new SocialReport(data, region, need, coherence, sesYear, BuildFigures(data, region));
    }

    private static List<SocialFigure> BuildFigures(SocialData data, IReadOnlyList<string> region)
    {
        var inRegion = region.ToHashSet(StringComparer.Ordinal);
        var figures = new List<SocialFigure>();
        foreach (SocialSeries s in data.Series.Concat(data.LonelinessTrend.Where(static t => t.Period != SocialData.RivmYear)))
        {
            int d = Decimals(s.Indicator);
            double R(double v) => Math.Round(v, d, MidpointRounding.AwayFromZero);
            double? Ro(double? v) => v is { } x ? R(x) : null;
            if (s.Nation is { } n)
            {
                figures.Add(new SocialFigure(s.Indicator, s.Period, SocialLevel.Nederland, "NL", "Nederland", string.Empty, false, R(n.Value), Ro(n.Lower), Ro(n.Upper)));
            }

            foreach ((string g, SocialValue v) in s.Gemeenten.OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                figures.Add(new SocialFigure(s.Indicator, s.Period, SocialLevel.Gemeente, g, g, g, inRegion.Contains(g), R(v.Value), Ro(v.Lower), Ro(v.Upper)));
            }

            foreach (WijkValue w in s.Wijken.Where(w => w.Gemeente is not null && inRegion.Contains(w.Gemeente)).OrderBy(static w => w.Code, StringComparer.Ordinal))
            {
                figures.Add(new SocialFigure(s.Indicator, s.Period, SocialLevel.Wijk, w.Code, w.Name, w.Gemeente!, true, R(w.Value), null, null));
            }
        }

        return figures;
    }

    /// <summary>The region's figures of one indicator and period, by level.</summary>
    public IEnumerable<SocialFigure> Of(string key, string period, SocialLevel level) =>
        Figures.Where(f => f.Indicator.Key == key && f.Period == period && f.Level == level && (level == SocialLevel.Nederland || f.InRegion));

    public SocialFigure? Find(string key, string period, SocialLevel level, string code) =>
        Figures.FirstOrDefault(f => f.Indicator.Key == key && f.Period == period && f.Level == level && f.Code == code);

    public static string EstimateWord(SocialEstimate e) => e switch
    {
        SocialEstimate.Survey => "enquête (95%-interval)",
        SocialEstimate.ModelEstimate => "modelschatting (RIVM SMAP)",
        _ => "registratie",
    };
}

/// <summary>The social monitor's CSV files (semicolon, '.' decimal, UTF-8): the same figures as the page.</summary>
public static class SocialCsv
{
    public const string Source = "# Bron: CBS (StatLine 85563NED, 81064ned, 85309NED, 84780NED, 84847NED, 86050NED, 85099NED), CC BY 4.0; RIVM, GGD'en, CBS – Gezondheidsmonitor Volwassenen en Ouderen, RIVM StatLine 50090NED (modelschattingen); Gezondheidsmonitor Jongvolwassenen 2024, GGD'en en RIVM (RIVM StatLine 50140NED); Vektis Open Databestand Zvw. Berekend met Gem.Monitor.";

    public static string Indicators(SocialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(Source).Append('\n');
        sb.Append("indicator;omschrijving;tabel;bron;periode;soort;eenheid;niveau;code;naam;gemeente;regio;waarde;ondergrens;bovengrens\n");
        foreach (SocialFigure f in report.Figures)
        {
            int d = SocialReport.Decimals(f.Indicator);
            sb.Append(string.Join(';',
                f.Indicator.Key, f.Indicator.Label, f.Indicator.TableId, f.Indicator.Publisher, f.Period, SocialReport.EstimateWord(f.Indicator.Estimate), f.Indicator.Unit,
                f.Level.ToString().ToLowerInvariant(), f.Code, f.Name, f.Gemeente, f.InRegion ? "ja" : "nee",
                Number(f.Value, d), f.Lower is { } lo ? Number(lo, d) : string.Empty, f.Upper is { } hi ? Number(hi, d) : string.Empty)).Append('\n');
        }

        return sb.ToString();
    }

    public static string NeedModelCoefficients(SocialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append(Source).Append('\n');
        sb.Append("model;term;schatting;standaardfout;sigma;r_kwadraat;vrijheidsgraden;gemeenten\n");
        void Write(string model, Statistics.RegressionFit fit)
        {
            for (int k = 0; k < fit.Names.Count; k++)
            {
                sb.Append(string.Create(CultureInfo.InvariantCulture, $"{model};{fit.Names[k]};{fit.Coefficients[k]:R};{fit.StandardErrors[k]:R};{fit.ResidualStandardError:R};{fit.RSquared:R};{fit.DegreesOfFreedom};{fit.Fitted.Count}\n"));
            }
        }

        Write("behoefte_en_deprivatie", report.Need.Fit);
        Write("alleen_deprivatie", report.Need.DeprivationOnly);
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"# samenhang: r(GGZ O/V, Wmo per 1.000) = {report.Coherence.WmoCorrelation:0.000} over {report.Coherence.WmoCount} gemeenten; r(GGZ O/V, jeugdzorg %) = {report.Coherence.YouthCareCorrelation:0.000} over {report.Coherence.YouthCareCount} gemeenten\n"));
        return sb.ToString();
    }

    /// <summary>Observed/expected per gemeente (all gemeenten in the model), with the reach of Wmo and youth care; rounded as on the page.</summary>
    public static string NeedModelGemeenten(SocialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inRegion = report.Region.ToHashSet(StringComparer.Ordinal);
        var coherence = report.Coherence.Gemeenten.ToDictionary(static c => c.Gemeente, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append(Source).Append('\n');
        sb.Append("gemeente;regio;ggz_per_verzekerdejaar;verwacht;waargenomen_gedeeld_door_verwacht;psychische_klachten;ses_woa;huishoudens;funnel;wmo_per_1000;jeugdzorg_pct\n");
        foreach (NeedResidual g in report.Need.Gemeenten)
        {
            CoherenceRow c = coherence[g.Gemeente];
            sb.Append(string.Join(';',
                g.Gemeente, inRegion.Contains(g.Gemeente) ? "ja" : "nee", Number(g.Observed, 0), Number(g.Expected, 0), Number(g.Ratio, 2),
                Number(g.MentalComplaints, 1), Number(g.SesScore, 3), Number(g.Households, 0), Position(g.Position),
                c.WmoPer1000 is { } w ? Number(w, 1) : string.Empty, c.YouthCarePercent is { } y ? Number(y, 1) : string.Empty)).Append('\n');
        }

        return sb.ToString();
    }

    public static string Position(Statistics.FunnelPosition p) => p switch
    {
        Statistics.FunnelPosition.Above998 => "boven 99,8%",
        Statistics.FunnelPosition.Above95 => "boven 95%",
        Statistics.FunnelPosition.Below95 => "onder 95%",
        Statistics.FunnelPosition.Below998 => "onder 99,8%",
        _ => "binnen 95%",
    };

    public static string Number(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
