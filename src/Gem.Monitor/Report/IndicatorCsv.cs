using System.Globalization;
using System.Text;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Indicators;

namespace Gem.Monitor.Report;

/// <summary>
/// The indicator CSV files (semicolon-separated, '.' decimal, UTF-8). Counts of persons are rounded to 5; a row about
/// fewer than 10 insured persons would be left empty (never the case for gemeenten, but the rule is applied).
/// </summary>
public static class IndicatorCsv
{
    public const string Source = "# Bron: Vektis (Open Databestand Zvw, gemeente); CBS (SES-WOA, postcodes), CC BY 4.0. Berekend met Gem.Monitor.";

    public static string Gemeenten(IReadOnlyList<GgzYear> years, StandardisedExpenditureResult standardised, DeprivationResult deprivation, DisclosureControl control)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(standardised);
        ArgumentNullException.ThrowIfNull(deprivation);
        ArgumentNullException.ThrowIfNull(control);
        var std = standardised.Areas.ToDictionary(static a => a.Gemeente, StringComparer.Ordinal);
        var dep = deprivation.Gemeenten.ToDictionary(static a => a.Gemeente, StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append(Source).Append('\n');
        sb.Append("jaar;gemeente;verzekerden;verzekerdejaren;ggz_kosten_per_verzekerdejaar;fractie_basis_ggz;fractie_specialistische_ggz;fractie_langdurige_ggz;fractie_consulten_ggz;fractie_intramuraal_verblijf_ggz;fractie_overige_prestaties_ggz;ggz_aandeel_zvw;ggz_index_leeftijd_geslacht;ggz_gestandaardiseerd_per_verzekerdejaar;funnel;ses_woa;ggz_verwacht_uit_ses;ggz_waargenomen_gedeeld_door_verwacht;instelling_kolom;instelling_jaar;instelling_aandeel;instelling_aandeel_nederland\n");
        foreach (GgzYear y in years)
        {
            var institutions = InstitutionContext.For(years, y.Year);
            foreach (GgzIndicator g in y.Gemeenten)
            {
                long insured = (long)Math.Round(g.Amounts.Insured);
                bool ok = control.CanPublish(insured);
                bool latest = y.Year == standardised.Year;
                StandardisedArea? s = latest && std.TryGetValue(g.Area, out StandardisedArea? sa) ? sa : null;
                DeprivationResidual? d = latest && dep.TryGetValue(g.Area, out DeprivationResidual? da) ? da : null;
                sb.Append(CultureInfo.InvariantCulture, $"{y.Year};{Quote(g.Area)};");
                sb.Append(ok ? control.Round(insured).ToString(CultureInfo.InvariantCulture) : string.Empty).Append(';');
                sb.Append(ok ? control.Round((long)Math.Round(g.Amounts.PersonYears)).ToString(CultureInfo.InvariantCulture) : string.Empty).Append(';');
                Append(sb, ok, g.GgzPerPersonYear, g.FractionBasic, g.FractionSpecialist, g.FractionLongTerm, g.FractionConsultations, g.FractionIntramural, g.FractionOtherServices, g.GgzShareOfZvw);
                Append(sb, ok && s is not null, s?.Index ?? double.NaN, s?.StandardisedMean ?? double.NaN);
                sb.Append(s is null || !ok ? string.Empty : Position(s.Position)).Append(';');
                Append(sb, ok && d is not null, d?.SesScore ?? double.NaN, d?.Expected ?? double.NaN, d?.Ratio ?? double.NaN);
                InstitutionMark? m = institutions.GetValueOrDefault(g.Area);
                sb.Append(m is null ? ";;" : string.Create(CultureInfo.InvariantCulture, $"{Vektis.VektisColumns.NameOf(m.Column)};{m.Year};"));
                Append(sb, m is not null, m?.Share ?? double.NaN, m?.NationalShare ?? double.NaN);
                sb.Length--;
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    public static string National(IReadOnlyList<GgzYear> years, DisclosureControl control)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(control);
        var sb = new StringBuilder();
        sb.Append(Source).Append('\n');
        sb.Append("jaar;ggz_schema;verzekerden;verzekerdejaren;ggz_kosten_totaal;ggz_kosten_per_verzekerdejaar;fractie_basis_ggz;fractie_specialistische_ggz;fractie_langdurige_ggz;fractie_consulten_ggz;fractie_intramuraal_verblijf_ggz;fractie_overige_prestaties_ggz;ggz_aandeel_zvw\n");
        foreach (GgzYear y in years)
        {
            GgzIndicator n = y.National;
            sb.Append(CultureInfo.InvariantCulture, $"{y.Year};{(y.Scheme == Vektis.GgzScheme.BasicSpecialist ? "basis_specialistisch" : "zorgprestatiemodel")};");
            sb.Append(control.Round((long)Math.Round(n.Amounts.Insured)).ToString(CultureInfo.InvariantCulture)).Append(';');
            sb.Append(control.Round((long)Math.Round(n.Amounts.PersonYears)).ToString(CultureInfo.InvariantCulture)).Append(';');
            Append(sb, true, Math.Round(n.Amounts.Ggz), n.GgzPerPersonYear, n.FractionBasic, n.FractionSpecialist, n.FractionLongTerm, n.FractionConsultations, n.FractionIntramural, n.FractionOtherServices, n.GgzShareOfZvw);
            sb.Length--;
            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string Regression(DeprivationResult deprivation, int sesYear)
    {
        ArgumentNullException.ThrowIfNull(deprivation);
        var sb = new StringBuilder();
        sb.Append(Source).Append('\n');
        sb.Append(CultureInfo.InvariantCulture, $"# Gewogen kleinste kwadraten: ggz_kosten_per_verzekerdejaar ({deprivation.Year}) ~ ses_woa ({sesYear}), gewicht = huishoudens; n = {deprivation.Gemeenten.Count}, R2 = {deprivation.Fit.RSquared:R}, sigma = {deprivation.Fit.ResidualStandardError:R}, df = {deprivation.Fit.DegreesOfFreedom}\n");
        sb.Append("term;schatting;standaardfout\n");
        for (int k = 0; k < deprivation.Fit.Names.Count; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{deprivation.Fit.Names[k]};{deprivation.Fit.Coefficients[k]:R};{deprivation.Fit.StandardErrors[k]:R}\n");
        }

        return sb.ToString();
    }

    internal static string Position(Statistics.FunnelPosition p) => p switch
    {
        Statistics.FunnelPosition.Above998 => "boven_99.8",
        Statistics.FunnelPosition.Above95 => "boven_95",
        Statistics.FunnelPosition.Below95 => "onder_95",
        Statistics.FunnelPosition.Below998 => "onder_99.8",
        _ => "binnen_95",
    };

    private static void Append(StringBuilder sb, bool publish, params double[] values)
    {
        foreach (double v in values)
        {
            if (publish && double.IsFinite(v))
            {
                sb.Append(v.ToString("R", CultureInfo.InvariantCulture));
            }

            sb.Append(';');
        }
    }

    private static string Quote(string s) => s.Contains(';', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
