using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Gem.Web.Tests.Interop;

/// <summary>Runs one of the outside validators in Interop/Checks (installed by scripts/test.sh) and returns its output lines.</summary>
internal static class OutsideCheck
{
    public static string Folder { get; } = FindFolder();

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Gem.Web.Tests", "Atlas", "Interop", "Checks");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("tests/Gem.Web.Tests/Atlas/Interop/Checks not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <paramref name="program"/> with the script and arguments; fails with its output when it exits non-zero.</summary>
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        if (program == "node" && !Directory.Exists(Path.Combine(Folder, "node_modules")))
            throw new InvalidOperationException($"The npm validators are not installed: run scripts/test.sh (npm ci --prefix {Folder}).");
        var start = new ProcessStartInfo(program) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
        return await output;
    }

    public static IEnumerable<JsonNode> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => JsonNode.Parse(l)!);
}
