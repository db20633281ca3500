using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Microdata;

namespace Gem.Monitor.Tests.Microdata;

public class MicrodataTests
{
    /// <summary>A crafted file: PC4 1011 with 40 persons (12 patients), 1012 with 5 persons (2 patients), 1013 with 60 (15), 1014 with 30 (10).</summary>
    private static string CraftedCsv()
    {
        var sb = new StringBuilder(MicrodataSchema.Header + "\n");
        long id = 0;
        void Person(string pc4, bool patient, bool smi, double cost, bool basic, int admissions, int compulsory, int readmissions, bool dropout)
        {
            string type = !patient ? "geen" : basic ? "basis" : "specialistisch";
            sb.Append(CultureInfo.InvariantCulture, $"2022,{++id},{pc4},30-34,V,{type},{(smi ? "true" : "false")},{cost:R},{(basic ? cost : 0):R},{(basic ? 0 : cost):R},{admissions},{compulsory},{readmissions},{(dropout ? "true" : "false")}\n");
        }

        for (int i = 0; i < 40; i++)
        {
            bool patient = i < 12;
            Person("1011", patient, smi: i < 2, cost: !patient ? 0 : i < 2 ? 10000 : 1000, basic: i >= 2 && i < 12, admissions: i < 2 ? 3 : 0, compulsory: i < 2 ? 1 : 0, readmissions: i < 2 ? 2 : 0, dropout: i == 5);
        }

        for (int i = 0; i < 5; i++)
        {
            Person("1012", i < 2, false, i < 2 ? 500 : 0, true, 0, 0, 0, false);
        }

        for (int i = 0; i < 60; i++)
        {
            bool patient = i < 15;
            Person("1013", patient, false, patient ? 2000 : 0, basic: false, admissions: 0, compulsory: 0, readmissions: 0, dropout: false);
        }

        for (int i = 0; i < 30; i++)
        {
            Person("1014", i < 10, false, i < 10 ? 700 : 0, true, 0, 0, 0, false);
        }

        return sb.ToString();
    }

    [Fact]
    public void Compute_CraftedMicrodata_GivesTheSixFig4IndicatorsPerPc4()
    {
        string path = Path.Combine(Path.GetTempPath(), "gem-micro-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, CraftedCsv());
        try
        {
            IReadOnlyList<Pc4Aggregate> aggregates = MicrodataIndicators.Aggregate(path);
            Assert.Equal(4, aggregates.Count);
            MicrodataResult result = MicrodataIndicators.Compute(aggregates, new DisclosureControl());

            Pc4Indicators a = result.Pc4.Single(static p => p.Pc4 == "1011");
            // 2 × 10000 + 10 × 1000 = 30000 euro over 40 inhabitants and 12 patients, published as 40 and 10: every rate is
            // computed from the published counts, so it gives back no more than they do.
            Assert.Equal(10, a.Patients);
            Assert.Equal(30000.0 / 40, a.CostPerInhabitant);
            Assert.Equal(30000.0 / 10, a.CostPerPatient);
            Assert.Equal(10.0 / 40, a.TreatedPrevalence);
            Assert.Null(a.FractionSmi); // only 2 SMI patients: fewer than 10 persons
            Assert.Null(a.FractionSpecialist); // 2 persons with specialist costs; basic is hidden with it (they add up to 1)
            Assert.Null(a.FractionBasic);
            Assert.Equal(40, a.Inhabitants);
            Assert.Null(a.CompulsoryPer10000); // 2 persons with compulsory care
            Assert.Null(a.CompulsoryPer10000Smoothed); // the smoothed rate would give the 2 back to anyone who knows the prior

            Pc4Indicators b = result.Pc4.Single(static p => p.Pc4 == "1012");
            Assert.Null(b.Inhabitants);
            Assert.Null(b.CostPerInhabitant);
            Assert.Null(b.TreatedPrevalence);

            Pc4Indicators c = result.Pc4.Single(static p => p.Pc4 == "1013");
            Assert.Equal(15, c.Patients);
            Assert.Null(c.FractionSpecialist); // nobody with basic costs: 1.0 would say "0 persons in basic GGZ"

            // 1012's 2 patients would follow from the national total; the smallest other count (1014, 10 patients) is hidden too.
            Pc4Indicators d = result.Pc4.Single(static p => p.Pc4 == "1014");
            Assert.Null(d.Patients);
            Assert.Null(d.TreatedPrevalence);
            Assert.Equal(30, d.Inhabitants);

            Pc4Aggregate nl = Assert.Single(result.National);
            Assert.Equal(135, nl.Inhabitants);
            Assert.Equal(39, nl.Patients);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Compute_OnePc4UnderTenPatients_SuppressesASecondPc4SoTheNationalTotalDoesNotRevealIt()
    {
        var aggregates = new List<Pc4Aggregate>
        {
            Agg("1011", 400, 30), Agg("1012", 300, 4), Agg("1013", 500, 45), Agg("1014", 800, 70),
        };
        MicrodataResult result = MicrodataIndicators.Compute(aggregates, new DisclosureControl());
        Assert.Null(result.Pc4[1].Patients); // primary: 4 patients
        Assert.Null(result.Pc4[0].Patients); // secondary: the smallest other PC4
        Assert.Null(result.Pc4[0].TreatedPrevalence);
        Assert.Equal(45, result.Pc4[2].Patients);
        Assert.Equal(70, result.Pc4[3].Patients);
    }

    [Fact]
    public void Generate_SmallScale_IsDeterministicLabelledAndCalibrated()
    {
        string a = Path.Combine(Path.GetTempPath(), "gem-synth-a-" + Guid.NewGuid().ToString("N"));
        string b = Path.Combine(Path.GetTempPath(), "gem-synth-b-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SyntheticOptions([2021, 2022], Scale: 0.004);
            SyntheticSummary s1 = SyntheticMicrodata.Generate(RepoPaths.Datasets, a, options);
            SyntheticSummary s2 = SyntheticMicrodata.Generate(RepoPaths.Datasets, b, options);

            Assert.Equal(2, s1.Files.Count);
            Assert.All(s1.Files, static f => Assert.StartsWith(SyntheticMicrodata.FilePrefix, Path.GetFileName(f), StringComparison.Ordinal));
            Assert.Contains("SYNTHETISCH", File.ReadAllText(Path.Combine(a, "README-SYNTHETISCH.txt")), StringComparison.Ordinal);
            Assert.Equal(Hash(s1.Files[1]), Hash(s2.Files[1]));
            Assert.NotEqual(Hash(s1.Files[0]), Hash(s1.Files[1])); // years differ
            Assert.Equal(MicrodataSchema.Header, File.ReadLines(s1.Files[0]).First());
            Assert.InRange(s1.PersonsPerYear, 60_000, 75_000); // 0.4% of 17.5 million, rounded per cell
            Assert.True(s1.SesGradient < 0); // lower status, more GGZ spending (real regression)

            MicrodataResult result = MicrodataIndicators.Compute(MicrodataIndicators.Aggregate(Path.Combine(a, "*.csv")), new DisclosureControl());
            Pc4Aggregate nl = result.National.Single(static n => n.Year == 2022);
            double perInhabitant = nl.Costs / nl.Inhabitants;
            Assert.InRange(perInhabitant / s1.NationalCostPerInhabitant, 0.85, 1.15); // calibrated on Vektis 2022
            Assert.InRange(nl.Patients / (double)nl.Inhabitants, 0.05, 0.08);
            Assert.Equal(nl.Costs, nl.CostsBasic + nl.CostsSpecialist, 1e-6 * nl.Costs);
        }
        finally
        {
            foreach (string d in new[] { a, b })
            {
                if (Directory.Exists(d))
                {
                    Directory.Delete(d, recursive: true);
                }
            }
        }
    }

    private static Pc4Aggregate Agg(string pc4, long inhabitants, long patients) =>
        new(2022, pc4, inhabitants, patients, patients * 1000.0, 0, patients * 400.0, patients * 600.0, 0, 0, 0, 0, 0, 0, 0, 0);

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
