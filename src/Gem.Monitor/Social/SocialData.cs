using Gem.Monitor.Gemeenten;

namespace Gem.Monitor.Social;

/// <summary>Where the social monitor's files are (repository <c>datasets/</c> layout, or the shared data folder's names).</summary>
public sealed record SocialFiles(string Gezondheidsmonitor, string SociaalDomein, string Rivm, string YoungAdults)
{
    public static SocialFiles Locate(string root)
    {
        var files = new SocialFiles(
            First(root, "cbs-gezondheidsmonitor", "cbs-gezondheidsmonitor-gemeente"),
            First(root, "cbs-sociaal-domein"),
            First(root, "rivm-gezondheid-wijk-buurt", "rivm-gezondheid-wijk-buurt-50090NED"),
            First(root, "rivm-gezondheidsmonitor-jongvolwassenen", "rivm-gezondheidsmonitor-jongvolwassenen-2024-gemeente"));
        return files;
    }

    /// <summary>A file of the folder <see cref="SociaalDomein"/> (or, with <paramref name="folder"/>, of another).</summary>
    public string Cbs(string file, string? folder = null)
    {
        string path = Path.Combine(folder ?? SociaalDomein, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Expected input file '{path}' is missing (see datasets/README.md).", path);
    }

    public string RivmFile(int year)
    {
        string name = year == 2020 ? "RIVM_gezondheid2020_18+.xlsx" : $"{year}_18+.xlsx";
        string path = Path.Combine(Rivm, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Expected input file '{path}' is missing (see datasets/README.md).", path);
    }

    private static string First(string root, params string[] names)
    {
        foreach (string name in names)
        {
            string path = Path.Combine(root, name);
            if (Directory.Exists(path))
            {
                return path;
            }
        }

        throw new DirectoryNotFoundException($"'{root}' has none of the folders {string.Join(", ", names)} (see datasets/README.md).");
    }
}

/// <summary>
/// The social side of the monitor (issue 19): need, social predictors and the reach of social and youth care, per gemeente
/// (and per wijk where the table has wijken), each for the latest period its table has, with the nation as benchmark. Only the
/// complete blocks that each SOURCE.md names are read (<see cref="CbsTable.Block"/> refuses the others).
/// </summary>
public sealed record SocialData(IReadOnlyList<SocialSeries> Series, IReadOnlyList<SocialSeries> LonelinessTrend)
{
    public const string Rivm = "RIVM, GGD'en, CBS";
    public const string Cbs = "CBS";

    public static readonly SocialIndicator MentalComplaints = new("psychische_klachten", SocialDomain.Need, "85563NED", "PsychischeKlachtenAfgelopen4Weken_3", "%", SocialEstimate.Survey, Cbs, "Psychische klachten (MHI-5 ≤ 60), 18+");
    public static readonly SocialIndicator AnxietyFeelings = new("angst_depressie_gevoelens", SocialDomain.Need, "85563NED", "AngstOfDepressiegevoelensAfg4Wk_2", "%", SocialEstimate.Survey, Cbs, "Angst- of depressiegevoelens (afgelopen 4 weken), 18+");
    public static readonly SocialIndicator AnxietyRisk = new("risico_angst_depressie", SocialDomain.Need, "50090NED", "HoogRisicoOpAngstOfDepressie_25", "%", SocialEstimate.ModelEstimate, Rivm, "Hoog risico op angst of depressie (Kessler-10), 18+");
    public static readonly SocialIndicator Lonely = new("eenzaam", SocialDomain.Need, "50090NED", "Eenzaam_28", "%", SocialEstimate.ModelEstimate, Rivm, "Eenzaam, 18+");
    public static readonly SocialIndicator SeverelyLonely = new("ernstig_eenzaam", SocialDomain.Need, "50090NED", "ErnstigZeerErnstigEenzaam_29", "%", SocialEstimate.ModelEstimate, Rivm, "(Zeer) ernstig eenzaam, 18+");
    public static readonly SocialIndicator Stress = new("stress", SocialDomain.Need, "50090NED", "HeelVeelStressInAfgelopen4Weken_26", "%", SocialEstimate.ModelEstimate, Rivm, "Heel veel stress (afgelopen 4 weken), 18+");
    public static readonly SocialIndicator MakingEndsMeet = new("moeite_rondkomen", SocialDomain.Predictor, "50090NED", "MoeiteMetRondkomen_38", "%", SocialEstimate.ModelEstimate, Rivm, "Moeite met rondkomen, 18+");
    public static readonly SocialIndicator PremiumArrears = new("betalingsachterstand", SocialDomain.Predictor, "81064ned", "PersMetBetalingsachterstandRelatief_2", "%", SocialEstimate.Register, Cbs, "Betalingsachterstand zorgpremie (wanbetalers Zvw), 18+");
    public static readonly SocialIndicator Bijstand = new("bijstand", SocialDomain.Predictor, "85309NED", "PersonenMetBijstand31122021_26 / InwonersVan15Tot65Jaar_1", "per 1.000", SocialEstimate.Register, Cbs, "Personen met bijstand per 1.000 inwoners van 15–64 jaar (31-12-2021)");
    public static readonly SocialIndicator LowIncomeChildren = new("laag_inkomen_kinderen", SocialDomain.Predictor, "85309NED", "InHuishoudensTot120SociaalMinimum_20 / TotaalMinderjarigeKinderen_19", "%", SocialEstimate.Register, Cbs, "Minderjarigen in een huishouden tot 120% van het sociaal minimum");
    public static readonly SocialIndicator EarlyLeavers = new("voortijdig_schoolverlaten", SocialDomain.Predictor, "84780NED", "VoortijdigSchoolverlaters_2 / Leerlingen_1", "%", SocialEstimate.Register, Cbs, "Voortijdig schoolverlaters (woongemeente)");
    public static readonly SocialIndicator VeiligThuis = new("veilig_thuis", SocialDomain.Predictor, "84847NED", "OntvangenMeldingenTotaal_14", "per 100.000", SocialEstimate.Register, Cbs, "Meldingen bij Veilig Thuis per 100.000 inwoners");
    public static readonly SocialIndicator Wmo = new("wmo", SocialDomain.Reach, "86050NED", "WmoClientenPer1000Inwoners_2", "per 1.000", SocialEstimate.Register, Cbs, "Wmo-cliënten (maatwerkvoorziening) per 1.000 inwoners");
    public static readonly SocialIndicator YouthCare = new("jeugdzorg", SocialDomain.Reach, "85099NED", "JongerenMetJeugdzorgRelatief_2", "%", SocialEstimate.Register, Cbs, "Jongeren met jeugdzorg (% van de jongeren)");
    public static readonly SocialIndicator WmoCount = new("wmo_aantal", SocialDomain.Reach, "86050NED", "WmoClienten_1", "aantal", SocialEstimate.Register, Cbs, "Wmo-cliënten (aantal)");
    public static readonly SocialIndicator YouthCareCount = new("jeugdzorg_aantal", SocialDomain.Reach, "85099NED", "JongerenMetJeugdzorg_1", "aantal", SocialEstimate.Register, Cbs, "Jongeren met jeugdzorg (aantal)");

    public static readonly SocialIndicator YoungMentalHealthGood = new("jv_mentale_gezondheid_goed", SocialDomain.YoungAdults, "50140NED", "GoedErvarenMentaleGezondheid_12", "%", SocialEstimate.Survey, Rivm, "Jongvolwassenen 16–25: mentale gezondheid (zeer) goed");
    public static readonly SocialIndicator YoungLimitedByComplaints = new("jv_beperkt_psychisch", SocialDomain.YoungAdults, "50140NED", "BeperktDoorPsychischeKlachten_14", "%", SocialEstimate.Survey, Rivm, "Jongvolwassenen 16–25: beperkt door psychische klachten");
    public static readonly SocialIndicator YoungSuicidalThoughts = new("jv_suicidegedachten", SocialDomain.YoungAdults, "50140NED", "SuicidegedachtenWelEens_17", "%", SocialEstimate.Survey, Rivm, "Jongvolwassenen 16–25: wel eens suïcidegedachten (zelf gemeld)");
    public static readonly SocialIndicator YoungStronglyLonely = new("jv_sterk_eenzaam", SocialDomain.YoungAdults, "50140NED", "SterkEenzaam_54", "%", SocialEstimate.Survey, Rivm, "Jongvolwassenen 16–25: sterk eenzaam");
    public static readonly SocialIndicator YoungDebts = new("jv_schulden", SocialDomain.YoungAdults, "50140NED", "HeeftSchulden_3", "%", SocialEstimate.Survey, Rivm, "Jongvolwassenen 16–25: heeft schulden");

    /// <summary>The periods read: the latest complete period of each table.</summary>
    public const string Year = "2023", VsvYear = "2022/'23", RivmYear = "2020", GezondheidsmonitorYear = "2022", MaatstavenEdition = "2022";

    public SocialSeries Get(string key) => Series.FirstOrDefault(s => s.Indicator.Key == key) ?? throw new KeyNotFoundException($"No social indicator '{key}'.");

    public static SocialData Load(string root, GemeenteNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        SocialFiles files = SocialFiles.Locate(root);
        var series = new List<SocialSeries>();

        CbsTable gm = CbsTable.ReadFile(files.Cbs("85563NED.csv", files.Gezondheidsmonitor));
        series.Add(CbsSocialReader.Gezondheidsmonitor(gm, MentalComplaints, GezondheidsmonitorYear, MentalComplaints.Column, names));
        series.Add(CbsSocialReader.Gezondheidsmonitor(gm, AnxietyFeelings, GezondheidsmonitorYear, AnxietyFeelings.Column, names));

        var trend = new List<SocialSeries>();
        RivmTable? division2020 = null;
        foreach (int year in new[] { 2012, 2016, 2020 })
        {
            RivmTable rivm = RivmWijkBuurt.Read(files.RivmFile(year), names);
            trend.Add(RivmWijkBuurt.Series(rivm, Lonely, Lonely.Column));
            if (year == 2020)
            {
                division2020 = rivm;
                foreach (SocialIndicator i in new[] { AnxietyRisk, Lonely, SeverelyLonely, Stress, MakingEndsMeet })
                {
                    series.Add(RivmWijkBuurt.Series(rivm, i, i.Column));
                }
            }
        }

        CbsTable young = CbsTable.ReadFile(Path.Combine(files.YoungAdults, "50140NED_TypedDataSet_22092025_192544.csv"));
        IReadOnlyDictionary<string, string> codes = YoungAdults.Codes(division2020!);
        foreach (SocialIndicator i in new[] { YoungMentalHealthGood, YoungLimitedByComplaints, YoungSuicidalThoughts, YoungStronglyLonely, YoungDebts })
        {
            series.Add(YoungAdults.Read(young, i, codes));
        }

        CbsTable arrears = CbsTable.ReadFile(files.Cbs("81064ned.csv"));
        series.Add(CbsSocialReader.Published(arrears, PremiumArrears, All(arrears), "Perioden", Year, PremiumArrears.Column, additive: false, names));
        CbsTable maatstaven = CbsTable.ReadFile(files.Cbs("85309NED.csv"));
        series.Add(CbsSocialReader.Ratio(maatstaven, Bijstand, All(maatstaven), null, MaatstavenEdition, "PersonenMetBijstand31122021_26", "InwonersVan15Tot65Jaar_1", 1000, names));
        series.Add(CbsSocialReader.Ratio(maatstaven, LowIncomeChildren, All(maatstaven), null, MaatstavenEdition, "InHuishoudensTot120SociaalMinimum_20", "TotaalMinderjarigeKinderen_19", 100, names));
        CbsTable vsv = CbsTable.ReadFile(files.Cbs("84780NED.csv"));
        series.Add(CbsSocialReader.Ratio(vsv, EarlyLeavers, vsv.Block("Geslacht", "Totaal mannen en vrouwen"), "Perioden", VsvYear, "VoortijdigSchoolverlaters_2", "Leerlingen_1", 100, names));
        CbsTable vt = CbsTable.ReadFile(files.Cbs("84847NED.csv"));
        series.Add(CbsSocialReader.Published(vt, VeiligThuis, All(vt), "Perioden", Year, VeiligThuis.Column, additive: false, names));

        CbsTable wmo = CbsTable.ReadFile(files.Cbs("86050NED.csv"));
        IReadOnlyList<int> wmoTotal = wmo.Block("TypeMaatwerkvoorziening", "Totaal");
        series.Add(CbsSocialReader.Published(wmo, Wmo, wmoTotal, "Perioden", Year, Wmo.Column, additive: false, names));
        series.Add(CbsSocialReader.Published(wmo, WmoCount, wmoTotal, "Perioden", Year, WmoCount.Column, additive: true, names));
        CbsTable youth = CbsTable.ReadFile(files.Cbs("85099NED.csv"));
        IReadOnlyList<int> youthTotal = youth.Block("VormenVanJeugdzorg", "JZ Totaal jeugdzorg");
        series.Add(CbsSocialReader.Published(youth, YouthCare, youthTotal, "Perioden", Year, YouthCare.Column, additive: false, names));
        series.Add(CbsSocialReader.Published(youth, YouthCareCount, youthTotal, "Perioden", Year, YouthCareCount.Column, additive: true, names));
        return new SocialData(series, trend);
    }

    internal static IEnumerable<int> All(CbsTable table) => Enumerable.Range(0, table.Rows.Count);
}
