namespace Gem.Monitor.Tests;

/// <summary>Finds the repository's shipped data (datasets/) from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Datasets => Path.Combine(Root, "datasets");

    public static string Vektis => Path.Combine(Datasets, "vektis-zvw-gemeente");

    public static string TestSource => Path.Combine(Root, "tests", "Gem.Monitor.Tests");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gem.sln")) && Directory.Exists(Path.Combine(dir.FullName, "datasets")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException($"No repository root with Gem.sln and datasets/ above {AppContext.BaseDirectory}.");
    }
}
