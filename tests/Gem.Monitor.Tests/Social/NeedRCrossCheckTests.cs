using System.Diagnostics;
using Gem.Monitor.Social;
using Gem.Monitor.Tests.Statistics;

namespace Gem.Monitor.Tests.Social;

/// <summary>Re-runs R/need.R with Rscript (scripts/test.sh installs r-base-core) and checks R's fresh output against C# to 1e-6.</summary>
public class NeedRCrossCheckTests
{
    [Fact]
    public void NeedScript_RunWithRscript_MatchesCSharpRegression()
    {
        string? rscript = RCrossCheckTests.FindOnPath("Rscript");
        if (rscript is null)
        {
            return; // Without R the committed golden files are still compared (NeedModelTests).
        }

        string outDir = Path.Combine(Path.GetTempPath(), "gem-need-r-" + Guid.NewGuid().ToString("N"));
        try
        {
            var psi = new ProcessStartInfo(rscript)
            {
                ArgumentList = { Path.Combine(RepoPaths.TestSource, "R", "need.R"), outDir, Path.Combine(Golden.Folder, "need_input.csv") },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using Process process = Process.Start(psi)!;
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "Rscript failed: " + stderr);
            using var r = new StreamReader(Path.Combine(Golden.Folder, "need_input.csv"));
            NeedModelTests.AssertMatchesR(NeedModel.Fit(2022, NeedModel.ReadInputs(r)), outDir);
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }
}
