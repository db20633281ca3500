using System.Globalization;

namespace Gem.Monitor.Tests.Statistics;

/// <summary>Reads the semicolon-separated reference tables that R/reference.R writes.</summary>
internal sealed class Golden
{
    private readonly string[] _header;

    private Golden(string[] header, List<string[]> rows)
    {
        _header = header;
        Rows = rows;
    }

    public static string Folder => Path.Combine(RepoPaths.TestSource, "R", "golden");

    public List<string[]> Rows { get; }

    public static Golden Load(string name, string? folder = null)
    {
        string[] lines = File.ReadAllLines(Path.Combine(folder ?? Folder, name));
        return new Golden(lines[0].Split(';'), [.. lines.Skip(1).Where(static l => l.Length > 0).Select(static l => l.Split(';'))]);
    }

    public double Number(string[] row, string column)
    {
        string v = Text(row, column);
        return v == "Inf" ? double.PositiveInfinity : double.Parse(v, CultureInfo.InvariantCulture);
    }

    public string Text(string[] row, string column)
    {
        int i = Array.IndexOf(_header, column);
        return i >= 0 ? row[i] : throw new KeyNotFoundException($"Column {column} is not in the golden file.");
    }

    /// <summary>Asserts |actual − expected| ≤ tolerance · max(1, |expected|).</summary>
    public static void Close(double expected, double actual, double tolerance = 1e-6, string? what = null)
    {
        double allowed = tolerance * Math.Max(1, Math.Abs(expected));
        Assert.True(
            Math.Abs(actual - expected) <= allowed,
            string.Create(CultureInfo.InvariantCulture, $"{what}: expected {expected:R}, actual {actual:R} (difference {actual - expected:E3}, allowed {allowed:E3})"));
    }
}
