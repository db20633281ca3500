using System.Globalization;
using System.Net;
using System.Text;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Gemeenten;
using Gem.Monitor.Geo;
using Gem.Monitor.Indicators;
using Gem.Monitor.Microdata;
using Gem.Monitor.Statistics;
using Gem.Monitor.Vektis;

namespace Gem.Monitor.Report;

/// <summary>Everything the report shows.</summary>
public sealed record HtmlReportInput(
    IReadOnlyList<GgzYear> Years,
    StandardisedExpenditureResult Standardised,
    DeprivationResult Deprivation,
    int SesYear,
    IReadOnlyList<SesPc4> SesPc4,
    Pc4Crosswalk Crosswalk,
    IReadOnlyList<GeoFeature> Gemeenten,
    IReadOnlyList<GeoFeature> Pc4,
    GemeenteNames Names,
    DisclosureControl Control,
    MicrodataResult? Microdata = null,
    bool MicrodataSynthetic = false,
    IReadOnlyList<SourceBreak>? Breaks = null);

/// <summary>A self-contained HTML report in Dutch: inline CSS and SVG, no scripts, no external resources.</summary>
public static class HtmlReport
{
    public static string Render(HtmlReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        GgzYear latest = input.Years[^1];
        GgzYear? lastLegacy = input.Years.LastOrDefault(static y => y.Scheme == GgzScheme.BasicSpecialist);
        var control = input.Control;
        var map = new SvgMap(shareGeometry: true);

        // Values per CBS map feature: a feature's name resolves to its monitor gemeente.
        string? Monitor(string cbsName) => input.Names.TryResolve(cbsName)?.Gemeente;
        Func<string, double?> ByGemeente(IReadOnlyDictionary<string, double> values) =>
            name => Monitor(name) is { } g && values.TryGetValue(g, out double v) && double.IsFinite(v) ? v : null;

        var published = latest.Gemeenten.Where(g => control.CanPublish((long)g.Amounts.Insured)).ToList();
        var perPy = published.ToDictionary(static g => g.Area, static g => g.GgzPerPersonYear, StringComparer.Ordinal);
        var index = input.Standardised.Areas.ToDictionary(static a => a.Gemeente, static a => a.Index, StringComparer.Ordinal);
        var ratio = input.Deprivation.Gemeenten.ToDictionary(static a => a.Gemeente, static a => a.Ratio, StringComparer.Ordinal);
        var ses = input.SesPc4.Where(r => r.Year == input.SesYear && r.Score is not null).ToDictionary(static r => r.Pc4, static r => r.Score!.Value, StringComparer.Ordinal);

        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<title>GEM populatiemonitor – ggz-uitgaven per gemeente</title><style>");
        sb.Append("body{font-family:system-ui,sans-serif;max-width:1100px;margin:0 auto;padding:1rem 1.5rem;color:#222;line-height:1.45}");
        sb.Append("h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccc}figure{margin:1rem 0}figcaption{font-size:.9rem;color:#444}");
        sb.Append("svg{max-width:100%;height:auto}table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}th,td{padding:.2rem .5rem;border-bottom:1px solid #e5e5e5;text-align:right}");
        sb.Append("th:first-child,td:first-child{text-align:left}.bron{font-size:.85rem;color:#555;border-top:1px solid #ccc;margin-top:2rem;padding-top:.5rem}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:1rem}");
        sb.Append("</style></head><body>");
        sb.Append("<h1>GEM populatiemonitor: ggz-uitgaven per gemeente</h1>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>Uitgaven voor geestelijke gezondheidszorg (Zorgverzekeringswet) per gemeente, {input.Years[0].Year}–{latest.Year}, vergeleken met Nederland, gestandaardiseerd voor leeftijd en geslacht en gerelateerd aan sociaaleconomische status (SES-WOA) van de postcodegebieden. Naar het GEM onderzoeks- en monitoringsinstrument (Fig. 4).</p>");
        sb.Append("<p class=\"bron\">Bron: Vektis (Open Databestand Zorgverzekeringswet, gemeente); CBS (SES-WOA per postcode, kerncijfers en gebiedsindelingen), CC BY 4.0. Kleine aantallen: niets gepubliceerd over minder dan 10 personen, aantallen afgerond op 5.</p>");

        // National table
        sb.Append("<h2>Nederland per jaar</h2><table><thead><tr><th>Jaar</th><th>Verzekerden</th><th>Ggz-uitgaven per verzekerdejaar (€)</th><th>Basis-ggz</th><th>Specialistische ggz</th><th>Langdurige ggz</th><th>Consulten</th><th>Intramuraal verblijf</th><th>Overige prestaties</th><th>Aandeel ggz in Zvw</th></tr></thead><tbody>");
        foreach (GgzYear y in input.Years)
        {
            GgzIndicator n = y.National;
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{y.Year}</td><td>{Charts.Nl(control.Round((long)n.Amounts.Insured), 0)}</td><td>{Charts.Nl(n.GgzPerPersonYear, 2)}</td><td>{Pct(n.FractionBasic)}</td><td>{Pct(n.FractionSpecialist)}</td><td>{Pct(n.FractionLongTerm)}</td><td>{Pct(n.FractionConsultations)}</td><td>{Pct(n.FractionIntramural)}</td><td>{Pct(n.FractionOtherServices)}</td><td>{Pct(n.GgzShareOfZvw)}</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (input.Breaks is { Count: > 0 } breaks)
        {
            sb.Append("<section id=\"breuken\"><h3>Breuken in de brongegevens</h3><p>Een verandering van meer dan ");
            sb.Append(CultureInfo.InvariantCulture, $"{SourceBreaks.Threshold:0%} per jaar in de landelijke cijfers is geen verandering in de zorg maar in de bron (registratie, productstructuur). Vergelijk deze jaren niet zonder meer:</p><ul>");
            foreach (SourceBreak b in breaks)
            {
                sb.Append("<li>").Append(WebUtility.HtmlEncode(SourceBreaks.Dutch(b))).Append("</li>");
            }

            sb.Append("</ul></section>");
        }

        sb.Append("<p>Tot en met 2021 splitste Vektis ggz in basis-, specialistische en langdurige ggz; vanaf 2022 (zorgprestatiemodel) in consulten, intramuraal verblijf en overige prestaties. De twee reeksen zijn niet één-op-één vergelijkbaar.</p>");

        // Maps
        sb.Append("<h2>Kaarten</h2><div class=\"grid\">");
        ColourScale s1 = ColourScale.Quantiles(perPy.Values, ColourScale.Sequential, "0");
        sb.Append("<figure>").Append(map.Render("kaart-ggz", $"Ggz-uitgaven per verzekerdejaar {latest.Year}", new ChoroplethLayer(input.Gemeenten, ByGemeente(perPy)), s1, null, v => "€ " + Charts.Nl(v, 0)));
        sb.Append(CultureInfo.InvariantCulture, $"<figcaption>Ggz-uitgaven per verzekerdejaar, {latest.Year} (Nederland: € {Charts.Nl(latest.National.GgzPerPersonYear, 0)}). Klassen: kwintielen.</figcaption></figure>");
        ColourScale s2 = new([0.8, 0.93, 1.075, 1.25], ColourScale.Diverging, "0.00"); // symmetric around 1 on a log scale
        sb.Append("<figure>").Append(map.Render("kaart-index", $"Index leeftijd-geslacht {latest.Year}", new ChoroplethLayer(input.Gemeenten, ByGemeente(index)), s2, null, v => Charts.Nl(v, 2)));
        sb.Append("<figcaption>Waargenomen / verwachte ggz-uitgaven bij landelijke uitgaven per geslacht en leeftijdsklasse (indirecte standaardisatie; 1 = landelijk).</figcaption></figure>");
        if (lastLegacy is not null)
        {
            var spec = lastLegacy.Gemeenten.ToDictionary(static g => g.Area, static g => g.FractionSpecialist, StringComparer.Ordinal);
            ColourScale s3 = ColourScale.Quantiles(spec.Values, ColourScale.Sequential, "0.0");
            sb.Append("<figure>").Append(map.Render("kaart-specialistisch", $"Fractie specialistische ggz {lastLegacy.Year}", new ChoroplethLayer(input.Gemeenten, ByGemeente(spec)), s3, null, v => Charts.Nl(100 * v, 1) + "%"));
            sb.Append(CultureInfo.InvariantCulture, $"<figcaption>Deel van de ggz-uitgaven voor specialistische ggz, {lastLegacy.Year} (laatste jaar met de splitsing basis/specialistisch).</figcaption></figure>");
        }

        ColourScale s4 = new([-0.3, -0.1, 0.1, 0.3], [.. ColourScale.Diverging.Reverse()], "0.00"); // SES-WOA: national mean ≈ 0
        sb.Append("<figure>").Append(map.Render("kaart-ses", $"SES-WOA per postcodegebied {input.SesYear}", new ChoroplethLayer(input.Pc4, pc => ses.TryGetValue(pc, out double v) ? v : null), s4, input.Gemeenten, v => Charts.Nl(v, 2)));
        sb.Append(CultureInfo.InvariantCulture, $"<figcaption>Sociaaleconomische status (SES-WOA totaalscore, CBS) per viercijferig postcodegebied (PC4), {input.SesYear}; gemeentegrenzen in groen (zoals Fig. 4). Rood = lage status.</figcaption></figure>");
        ColourScale s5 = new([0.8, 0.93, 1.075, 1.25], ColourScale.Diverging, "0.00");
        sb.Append("<figure>").Append(map.Render("kaart-verwacht", "Waargenomen / verwacht uit SES-WOA", new ChoroplethLayer(input.Gemeenten, ByGemeente(ratio)), s5, null, v => Charts.Nl(v, 2)));
        sb.Append("<figcaption>Ggz-uitgaven per verzekerdejaar gedeeld door wat de regressie op SES-WOA verwacht (1 = passend bij de sociaaleconomische status).</figcaption></figure>");
        sb.Append("</div>");

        // Funnel
        var std = input.Standardised;
        sb.Append("<h2>Trechterdiagram (funnel plot)</h2>");
        var funnelPoints = std.Areas.Select(a => new ChartPoint(a.PersonYears, a.StandardisedMean, $"{a.Gemeente}: € {Charts.Nl(a.StandardisedMean, 0)} ({Charts.Nl(a.PersonYears, 0)} verzekerdejaren)", Colour(a.Position))).ToList();
        sb.Append("<figure>").Append(Charts.Funnel("funnel-ggz", "Gestandaardiseerde ggz-uitgaven per verzekerdejaar", funnelPoints, std.NationalMean, std.Limits, "verzekerdejaren (log-schaal)", "€ per verzekerdejaar (gestandaardiseerd)"));
        sb.Append(CultureInfo.InvariantCulture, $"<figcaption>Leeftijd-geslacht-gestandaardiseerde ggz-uitgaven per gemeente ({std.Areas.Count} gemeenten), {std.Year}, tegen het aantal verzekerdejaren. Controlegrenzen 95% en 99,8% rond het landelijk gemiddelde (€ {Charts.Nl(std.NationalMean, 0)}): normale benadering met geschatte standaarddeviatie per persoon € {Charts.Nl(std.PersonSd, 0)}, verbreed voor overdispersie (Spiegelhalter 2005, additieve random effects, φ = {Charts.Nl(std.Overdispersion.Phi, 1)}, τ = € {Charts.Nl(Math.Sqrt(std.Overdispersion.Tau2), 1)}); ondergrens niet onder € 0. {FunnelText(std)}</figcaption></figure>");

        // Deprivation
        var dep = input.Deprivation;
        sb.Append("<h2>Uitgaven en sociaaleconomische status</h2>");
        var scatter = dep.Gemeenten.Select(static g => new ChartPoint(g.SesScore, g.Observed, $"{g.Gemeente}: SES {Charts.Nl(g.SesScore, 2)}, € {Charts.Nl(g.Observed, 0)}")).ToList();
        sb.Append("<figure>").Append(Charts.Scatter("scatter-ses", "Ggz-uitgaven tegen SES-WOA", scatter, dep.Fit.Coefficients[0], dep.Fit.Coefficients[1], $"SES-WOA totaalscore {input.SesYear} (gewogen naar huishoudens)", $"€ ggz per verzekerdejaar {dep.Year}"));
        sb.Append(CultureInfo.InvariantCulture, $"<figcaption>Gewogen regressie (gewicht = aantal huishoudens), n = {dep.Gemeenten.Count} gemeenten: uitgaven = {Charts.Nl(dep.Fit.Coefficients[0], 1)} + ({Charts.Nl(dep.Fit.Coefficients[1], 1)}) × SES-WOA (standaardfout {Charts.Nl(dep.Fit.StandardErrors[1], 1)}); R² = {Charts.Nl(dep.Fit.RSquared, 3)}. Coëfficiënten gecontroleerd tegen R (lm).</figcaption></figure>");
        var institutions = InstitutionContext.For(input.Years, dep.Year);
        sb.Append("<div class=\"grid\"><div><h3>Hoger dan verwacht uit SES</h3>").Append(Table(dep.Gemeenten.OrderByDescending(static g => g.Ratio).Take(10), institutions)).Append("</div>");
        sb.Append("<div><h3>Lager dan verwacht uit SES</h3>").Append(Table(dep.Gemeenten.OrderBy(static g => g.Ratio).Take(10), institutions)).Append("</div></div>");
        sb.Append(CultureInfo.InvariantCulture, $"<p>Instelling: in deze gemeenten gaat minstens {InstitutionContext.MinimumShare:0%} van de ggz-uitgaven, en minstens {InstitutionContext.MinimumTimesNational:0} keer het landelijke aandeel, naar intramuraal verblijf of langdurige ggz. Daar wonen mensen in een ggz-instelling; hun zorg telt mee voor de gemeente van de instelling, niet voor de gemeente waar zij vandaan komen ({institutions.Count} gemeenten).</p>");

        if (input.Microdata is { } micro)
        {
            sb.Append(Pc4Section(micro, input.MicrodataSynthetic, input.Pc4, input.Gemeenten, map));
        }

        // All gemeenten
        var stdBy = std.Areas.ToDictionary(static a => a.Gemeente, StringComparer.Ordinal);
        var specBy = lastLegacy?.Gemeenten.ToDictionary(static g => g.Area, StringComparer.Ordinal);
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Alle gemeenten</h2><details><summary>Tabel met {latest.Gemeenten.Count} gemeenten ({latest.Year}; fracties basis/specialistisch uit {lastLegacy?.Year})</summary><table><thead><tr><th>Gemeente</th><th>Verzekerden</th><th>€ per verzekerdejaar</th><th>Index leeftijd-geslacht</th><th>Trechter</th><th>Consulten</th><th>Intramuraal</th><th>Basis-ggz</th><th>Specialistisch</th></tr></thead><tbody>");
        foreach (GgzIndicator g in latest.Gemeenten)
        {
            long insured = (long)g.Amounts.Insured;
            bool ok = control.CanPublish(insured);
            StandardisedArea? s = stdBy.GetValueOrDefault(g.Area);
            GgzIndicator? old = specBy?.GetValueOrDefault(g.Area);
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(g.Area)}</td><td>{(ok ? Charts.Nl(control.Round(insured), 0) : "x")}</td><td>{(ok ? Charts.Nl(g.GgzPerPersonYear, 0) : "x")}</td><td>{(ok && s is not null ? Charts.Nl(s.Index, 2) : "x")}</td><td>{(s is null ? string.Empty : PositionText(s.Position))}</td><td>{(ok ? Pct(g.FractionConsultations) : "x")}</td><td>{(ok ? Pct(g.FractionIntramural) : "x")}</td><td>{(old is null ? "–" : Pct(old.FractionBasic))}</td><td>{(old is null ? "–" : Pct(old.FractionSpecialist))}</td></tr>");
        }

        sb.Append("</tbody></table></details>");

        // Method
        sb.Append("<h2>Verantwoording</h2><ul>");
        sb.Append("<li>Gemeenten: indeling 1 januari 2022 met de fusie Voorne aan Zee (2023); eerdere gemeenten zijn bij hun opvolger opgeteld (naamtabel in de broncode). Haaren (opgesplitst in 2021) telt alleen landelijk mee.</li>");
        sb.Append("<li>Ggz-uitgaven = basis-ggz + specialistische ggz + langdurige ggz + innovatiegelden (t/m 2021), of consulten + intramuraal verblijf + overige prestaties + innovatiegelden (vanaf 2022). Per verzekerdejaar = gedeeld door het aantal verzekerdejaren.</li>");
        sb.Append("<li>Indirecte standaardisatie: verwachte uitgaven = som over geslacht × leeftijdsklasse van verzekerdejaren × landelijke uitgaven per verzekerdejaar.</li>");
        sb.Append("<li>SES-WOA per gemeente: gemiddelde van de PC4-scores gewogen naar huishoudens; PC4 → gemeente via de CBS-postcodetabel.</li>");
        sb.Append("<li>Geheimhouding: geen cijfer over minder dan 10 personen; aantallen afgerond op 5; secundaire onderdrukking zodat onderdrukte cellen niet uit totalen zijn terug te rekenen (x = onderdrukt).</li>");
        sb.Append("</ul><p class=\"bron\">Bron: Vektis. CBS, CC BY 4.0. Gemaakt met Gem (open source), module Monitor.</p>");
        sb.Append(map.Definitions()).Append("</body></html>");
        return sb.ToString();
    }

    private static string Pc4Section(MicrodataResult micro, bool synthetic, IReadOnlyList<GeoFeature> pc4, IReadOnlyList<GeoFeature> gemeenten, SvgMap map)
    {
        int year = micro.Pc4.Max(static p => p.Year);
        var rows = micro.Pc4.Where(p => p.Year == year).ToDictionary(static p => p.Pc4, StringComparer.Ordinal);
        Pc4Aggregate nl = micro.National.Single(n => n.Year == year);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<h2>Zes indicatoren per postcodegebied (Fig. 4), {year}</h2>");
        if (synthetic)
        {
            sb.Append("<p><strong>SYNTHETISCHE GEGEVENS</strong>: gegenereerde microdata, geen echte personen (gekalibreerd op CBS-bevolking, Vektis-uitgaven en de SES-gradiënt). Bedoeld als demonstratie.</p>");
        }

        var dutch = CultureInfo.GetCultureInfo("nl-NL");
        sb.Append("<div class=\"grid\">");
        foreach (Fig4Indicator m in Fig4.Indicators)
        {
            ColourScale scale = ColourScale.Quantiles(rows.Values.Select(m.Value).Where(static v => v is not null).Select(static v => v!.Value), ColourScale.Sequential, "0");
            sb.Append("<figure>").Append(map.Render(m.Id, m.Dutch, new ChoroplethLayer(pc4, pc => rows.TryGetValue(pc, out Pc4Indicators? r) ? m.Value(r) : null), scale, gemeenten, v => m.Format(v, dutch)));
            sb.Append(CultureInfo.InvariantCulture, $"<figcaption>{WebUtility.HtmlEncode(m.Dutch)} per PC4, {year}; gemeentegrenzen in groen. Grijs: minder dan 10 personen of onderdrukt.</figcaption></figure>");
        }

        sb.Append("</div>");
        double prevalence = nl.Patients / (double)nl.Inhabitants;
        var points = rows.Values.Where(static p => p.TreatedPrevalence is not null && p.Inhabitants is > 0)
            .Select(p => new ChartPoint(p.Inhabitants!.Value, p.TreatedPrevalence!.Value, $"PC4 {p.Pc4}: {Charts.Nl(100 * p.TreatedPrevalence!.Value, 1)}%", Colour(p.PrevalenceFunnel ?? FunnelPosition.Within95)))
            .ToList();
        if (points.Count > 0)
        {
            sb.Append("<figure>").Append(Charts.Funnel("funnel-prevalentie", "Behandelde prevalentie per PC4", points, prevalence, n => FunnelLimits.ProportionLimits(prevalence, n), "inwoners (log-schaal)", "behandelde prevalentie"));
            sb.Append(CultureInfo.InvariantCulture, $"<figcaption>Behandelde prevalentie per PC4 tegen het aantal inwoners, {year}; Wilson-grenzen 95% en 99,8% rond Nederland ({Charts.Nl(100 * prevalence, 1)}%).</figcaption></figure>");
        }

        return sb.ToString();
    }

    private static string Table(IEnumerable<DeprivationResidual> rows, IReadOnlyDictionary<string, InstitutionMark> institutions)
    {
        var sb = new StringBuilder("<table><thead><tr><th>Gemeente</th><th>Waargenomen €</th><th>Verwacht €</th><th>Verhouding</th><th>SES-WOA</th><th>Context</th></tr></thead><tbody>");
        foreach (DeprivationResidual r in rows)
        {
            string context = institutions.TryGetValue(r.Gemeente, out InstitutionMark? m) ? WebUtility.HtmlEncode(InstitutionContext.Dutch(m)) : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{WebUtility.HtmlEncode(r.Gemeente)}</td><td>{Charts.Nl(r.Observed, 0)}</td><td>{Charts.Nl(r.Expected, 0)}</td><td>{Charts.Nl(r.Ratio, 2)}</td><td>{Charts.Nl(r.SesScore, 2)}</td><td>{context}</td></tr>");
        }

        return sb.Append("</tbody></table>").ToString();
    }

    private static string Pct(double f) => double.IsFinite(f) ? Charts.Nl(100 * f, 1) + "%" : "–";

    private static string Colour(FunnelPosition p) => Charts.FunnelColour(p);

    /// <summary>How many gemeenten lie outside the 99.8% limits, with and without the over-dispersion adjustment.</summary>
    internal static string FunnelText(StandardisedExpenditureResult std)
    {
        int above = std.Areas.Count(static a => a.Position == FunnelPosition.Above998), below = std.Areas.Count(static a => a.Position == FunnelPosition.Below998);
        int plain = std.PlainPositions.Count(static p => p is FunnelPosition.Above998 or FunnelPosition.Below998);
        return string.Create(CultureInfo.InvariantCulture, $"{above} gemeenten boven en {below} onder de 99,8%-grens ({above + below} van {std.Areas.Count}; zonder correctie voor overdispersie {plain}).");
    }

    private static string PositionText(FunnelPosition p) => p switch
    {
        FunnelPosition.Above998 => "boven 99,8%",
        FunnelPosition.Above95 => "boven 95%",
        FunnelPosition.Below95 => "onder 95%",
        FunnelPosition.Below998 => "onder 99,8%",
        _ => "binnen",
    };
}
