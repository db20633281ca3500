using System.Diagnostics;
using System.Globalization;
using Gem.Core.Learning;

namespace Gem.Core.Tests.Learning;

/// <summary>
/// The run-chart rules against base R (R/runchart.R; golden output committed in R/golden): Anhøj's limits for n = 10…100,
/// and median, runs, crossings, shifts and Shewhart limits for eight series. When Rscript is on PATH the script is re-run
/// and its fresh output must equal the committed files.
/// </summary>
public class RunChartTests
{
    private static string Folder => Path.Combine(Gem.Core.Tests.FrontDoor.CrisisSignalsTests.RepoRoot(), "tests", "Gem.Core.Tests", "Learning", "R");

    private static List<Dictionary<string, string>> Load(string dir, string name)
    {
        var lines = File.ReadAllLines(Path.Combine(dir, name)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(';');
        return [.. lines.Skip(1).Select(l => l.Split(';')).Select(cells => header.Select((h, i) => (h, cells.Length > i ? cells[i] : "")).ToDictionary(x => x.h, x => x.Item2))];
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static int[] Ints(string s) => [.. s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture))];

    [Fact]
    public void AnhoejLimits_ForN10To100_EqualR()
    {
        var rows = Load(Path.Combine(Folder, "golden"), "anhoej_limits.csv");
        Assert.Equal(91, rows.Count);
        foreach (var r in rows)
        {
            int n = int.Parse(r["n"], CultureInfo.InvariantCulture);
            Assert.True(int.Parse(r["longest_run_max"], CultureInfo.InvariantCulture) == RunChart.LongestRunLimit(n), $"longest run limit at n={n}");
            Assert.True(int.Parse(r["crossings_min"], CultureInfo.InvariantCulture) == RunChart.CrossingsLimit(n), $"crossings limit at n={n}");
        }
    }

    [Fact]
    public void AnhoejLimits_PublishedTable_KnownValues()
    {
        // Anhøj & Olesen (2014), table 1: n = 10 → 6 and 2; n = 20 → 7 and 6; n = 30 → 8 and 10; n = 100 → 10 and 41.
        Assert.Equal((6, 2), (RunChart.LongestRunLimit(10), RunChart.CrossingsLimit(10)));
        Assert.Equal((7, 6), (RunChart.LongestRunLimit(20), RunChart.CrossingsLimit(20)));
        Assert.Equal((8, 10), (RunChart.LongestRunLimit(30), RunChart.CrossingsLimit(30)));
        Assert.Equal((10, 41), (RunChart.LongestRunLimit(100), RunChart.CrossingsLimit(100)));
    }

    [Fact]
    public void Analyse_ReferenceSeries_EqualR()
    {
        var dir = Path.Combine(Folder, "golden");
        var series = Load(dir, "series.csv").ToDictionary(r => r["id"], r => r["values"].Split(' ').Select(D).ToArray());
        var expected = Load(dir, "runchart.csv");
        Assert.Equal(8, expected.Count);
        foreach (var e in expected)
        {
            var id = e["id"];
            var values = series[id];
            int baseline = int.Parse(e["baseline"], CultureInfo.InvariantCulture);
            var r = RunChart.Analyse(values, baseline);
            Close(D(e["median"]), r.Median, id + " median");
            Assert.True(int.Parse(e["useful"], CultureInfo.InvariantCulture) == r.UsefulPoints, id + " useful");
            Assert.True(int.Parse(e["longest_run"], CultureInfo.InvariantCulture) == r.LongestRun, id + " longest run");
            Assert.True(int.Parse(e["longest_run_max"], CultureInfo.InvariantCulture) == r.LongestRunLimit, id + " run limit");
            Assert.True(int.Parse(e["crossings"], CultureInfo.InvariantCulture) == r.Crossings, id + " crossings");
            Assert.True(int.Parse(e["crossings_min"], CultureInfo.InvariantCulture) == r.CrossingsLimit, id + " crossing limit");
            Assert.True((e["long_run"] == "TRUE") == r.LongRun, id + " long run");
            Assert.True((e["few_crossings"] == "TRUE") == r.FewCrossings, id + " few crossings");
            Assert.Equal(Ints(e["shift_points"]), r.ShiftPoints);
            Close(D(e["mean"]), r.Mean, id + " mean");
            Close(D(e["sigma"]), r.Sigma, id + " sigma");
            Close(D(e["ucl"]), r.Upper, id + " ucl");
            Close(D(e["lcl"]), r.Lower, id + " lcl");
            Assert.Equal(Ints(e["outside"]), r.OutsideLimits);
        }
    }

    [Fact]
    public void Analyse_RandomNoise_NoSignal_AndAShift_Signals()
    {
        var dir = Path.Combine(Folder, "golden");
        var series = Load(dir, "series.csv").ToDictionary(r => r["id"], r => r["values"].Split(' ').Select(D).ToArray());
        Assert.False(RunChart.Analyse(series["noise"]).Signal);
        var shift = RunChart.Analyse(series["shift"], 12);
        Assert.True(shift.Signal);
        Assert.True(shift.Shift);
        Assert.True(shift.AnhoejSignal);
    }

    [Fact]
    public void Analyse_PointsOnTheMedian_NeitherMakeNorBreakAShift()
    {
        // Median of the baseline (first 5) is 5; six points above it are interrupted by two on the median: still one shift of 6.
        double[] values = [3, 5, 7, 4, 5, 6, 5, 7, 8, 5, 6, 9, 7];
        var r = RunChart.Analyse(values, 5);
        Assert.Equal(5, r.Median);
        Assert.Equal([5, 7, 8, 10, 11, 12], r.ShiftPoints);
        Assert.True(r.Shift);
        // Five above, then the median, then one below: no shift.
        Assert.False(RunChart.Analyse([3, 5, 7, 4, 5, 6, 7, 8, 6, 9, 5, 4], 5).Shift);
    }

    [Fact]
    public void Analyse_FewerThanTenUsefulPoints_NoAnhoejSignal()
    {
        double[] values = [1, 1, 1, 1, 1, 9, 9, 9, 9];
        var r = RunChart.Analyse(values);
        Assert.False(r.AnhoejSignal);
    }

    [Fact]
    public void Analyse_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => RunChart.Analyse([]));
        Assert.Throws<ArgumentException>(() => RunChart.Analyse([1, double.NaN]));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunChart.Analyse([1, 2], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => RunChart.LongestRunLimit(0));
    }

    [Fact]
    public void ReferenceScript_RunWithRscript_ReproducesGoldenFiles()
    {
        var rscript = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(p => Path.Combine(p, "Rscript")).FirstOrDefault(File.Exists);
        if (rscript is null) return; // without R the committed golden files are still compared above
        var outDir = Path.Combine(Path.GetTempPath(), "gem-runchart-r-" + Guid.NewGuid().ToString("N"));
        try
        {
            var psi = new ProcessStartInfo(rscript) { ArgumentList = { Path.Combine(Folder, "runchart.R"), outDir }, RedirectStandardError = true, RedirectStandardOutput = true };
            using var process = Process.Start(psi)!;
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "Rscript failed: " + stderr);
            foreach (var name in new[] { "anhoej_limits.csv", "runchart.csv", "series.csv" })
            {
                Assert.Equal(File.ReadAllText(Path.Combine(Folder, "golden", name)), File.ReadAllText(Path.Combine(outDir, name)));
            }
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, true);
        }
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, actual {actual:R}");
}
