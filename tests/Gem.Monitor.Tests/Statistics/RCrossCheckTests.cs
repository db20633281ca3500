using System.Diagnostics;
using Gem.Monitor.Indicators;

namespace Gem.Monitor.Tests.Statistics;

/// <summary>
/// Re-runs R/reference.R with Rscript (Debian package r-base-core; CI's scripts/test.sh installs it) and checks
/// that R's fresh output equals the committed golden files and the C# regression, to 1e-6. Without Rscript
/// on PATH the comparison with the committed golden files (the other tests) still runs.
/// </summary>
public class RCrossCheckTests
{
    private static readonly string[] s_files =
    [
        "qnorm.csv", "qchisq.csv", "poisson_ratio.csv", "funnel_proportion.csv", "funnel_rate.csv", "funnel_mean.csv",
        "eb_poisson_gamma.csv", "wls_coefficients.csv", "wls_summary.csv", "wls_fitted.csv", "funnel_overdispersion.csv", "funnel_overdispersion_summary.csv",
    ];

    [Fact]
    public void ReferenceScript_RunWithRscript_ReproducesGoldenFilesAndCSharpRegression()
    {
        string? rscript = FindOnPath("Rscript");
        if (rscript is null)
        {
            return; // R is not installed here; the golden-file tests still compare C# with R's committed output.
        }

        string outDir = Path.Combine(Path.GetTempPath(), "gem-monitor-r-" + Guid.NewGuid().ToString("N"));
        try
        {
            var psi = new ProcessStartInfo(rscript)
            {
                ArgumentList = { Path.Combine(RepoPaths.TestSource, "R", "reference.R"), outDir, Path.Combine(Golden.Folder, "wls_input.csv") },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using Process process = Process.Start(psi)!;
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "Rscript failed: " + stderr);

            foreach (string name in s_files)
            {
                var fresh = Golden.Load(name, outDir);
                var committed = Golden.Load(name);
                Assert.Equal(committed.Rows.Count, fresh.Rows.Count);
                for (int i = 0; i < fresh.Rows.Count; i++)
                {
                    for (int j = 0; j < fresh.Rows[i].Length; j++)
                    {
                        string a = committed.Rows[i][j], b = fresh.Rows[i][j];
                        if (double.TryParse(a, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double x)
                            && double.TryParse(b, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double y))
                        {
                            Golden.Close(x, y, 1e-6, $"{name} row {i + 1} column {j + 1}");
                        }
                        else
                        {
                            Assert.Equal(a, b);
                        }
                    }
                }
            }

            using var r = new StreamReader(Path.Combine(Golden.Folder, "wls_input.csv"));
            DeprivationRegressionTests.AssertMatchesR(DeprivationModel.Fit(2022, DeprivationModel.ReadInputs(r)), outDir);
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }

    internal static string? FindOnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
