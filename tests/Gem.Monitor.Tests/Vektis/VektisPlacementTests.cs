using Gem.Monitor.Vektis;

namespace Gem.Monitor.Tests.Vektis;

/// <summary>Vektis files under any name are placed in their year, or the run stops naming the file (issue 18, item 4).</summary>
public sealed class VektisPlacementTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "gem-vektis-place-" + Guid.NewGuid().ToString("N"));

    private string Vektis => Path.Combine(_root, "vektis-zvw-gemeente");

    public VektisPlacementTests()
    {
        // A copy of the shipped data folder to drop files into.
        foreach (string dir in Directory.EnumerateDirectories(RepoPaths.Datasets))
        {
            string target = Path.Combine(_root, Path.GetFileName(dir));
            Directory.CreateDirectory(target);
            foreach (string file in Directory.EnumerateFiles(dir))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("vektis_2019_gemeente.csv", 2019)]
    [InlineData("Vektis Open Databestand Zorgverzekeringswet 2023 - gemeente.csv", 2023)]
    [InlineData("Vektis_Open_Databestand_Zorgverzekeringswet_2024-gemeente.csv", 2024)]
    [InlineData("gemeente 2021 (1).csv", 2021)]
    public void YearFromFileName_OursAndVektisDownloadNames_GiveTheYear(string name, int year)
    {
        Assert.Equal(year, VektisReader.YearFromFileName(name));
    }

    [Theory]
    [InlineData("gemeente.csv")]
    [InlineData("vektis 2021 en 2022.csv")]
    [InlineData("vektis_12345.csv")]
    public void YearFromFileName_NoneOrTwoYears_IsNull(string name)
    {
        Assert.Null(VektisReader.YearFromFileName(name));
    }

    [Fact]
    public void HoldOut_FreshYearUnderItsDownloadName_IsReadAsTheLatestYearWithoutACodeChange()
    {
        // A "new" year: the 2022 file's rows under Vektis' own download name for 2023.
        File.Copy(Path.Combine(Vektis, "vektis_2022_gemeente.csv"), Path.Combine(Vektis, "Vektis Open Databestand Zorgverzekeringswet 2023 - gemeente.csv"));
        string outFolder = Path.Combine(_root, "out");

        MonitorResult result = MonitorRun.Run(_root, outFolder);

        Assert.Equal(2023, result.Years[^1].Year);
        Assert.Equal(9, result.Years.Count);
        Assert.Equal(2023, result.Standardised.Year);
        Assert.Contains("\n2023;Amsterdam;", File.ReadAllText(Path.Combine(outFolder, "indicatoren_gemeente.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Place_YearOnlyInAJaarColumn_IsTakenFromTheContents()
    {
        string source = Path.Combine(Vektis, "vektis_2022_gemeente.csv");
        string[] lines = File.ReadAllLines(source);
        File.Delete(source);
        File.WriteAllLines(Path.Combine(Vektis, "gemeente.csv"), [.. lines.Select(static (l, i) => (i == 0 ? "jaar;" : "2022;") + l)]);

        var placed = VektisReader.Place(Vektis);

        Assert.Equal((Path.Combine(Vektis, "gemeente.csv"), 2022), placed[^1]);
        Assert.Equal(2022, VektisReader.ReadFile(placed[^1].Path, 2022).Year);
    }

    [Fact]
    public void Place_CsvWithoutAnyYear_IsAnErrorNamingTheFile()
    {
        File.Copy(Path.Combine(Vektis, "vektis_2022_gemeente.csv"), Path.Combine(Vektis, "gemeente.csv"));

        var ex = Assert.Throws<VektisFormatException>(() => MonitorRun.Run(_root, Path.Combine(_root, "out")));

        Assert.Contains("gemeente.csv: cannot tell which year", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_TwoFilesForOneYear_IsAnError()
    {
        File.Copy(Path.Combine(Vektis, "vektis_2022_gemeente.csv"), Path.Combine(Vektis, "Vektis Open Databestand Zorgverzekeringswet 2022 - gemeente.csv"));

        var ex = Assert.Throws<VektisFormatException>(() => VektisReader.Place(Vektis));

        Assert.Contains("two files for 2022", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_AnotherFileType_IsAnErrorNotSkipped()
    {
        File.WriteAllText(Path.Combine(Vektis, "Vektis Open Databestand Zorgverzekeringswet 2023 - gemeente.zip"), "PK");

        var ex = Assert.Throws<VektisFormatException>(() => VektisReader.Place(Vektis));

        Assert.Contains("2023 - gemeente.zip", ex.Message, StringComparison.Ordinal);
    }
}
