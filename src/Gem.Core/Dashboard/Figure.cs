using System.Globalization;
using Gem.Monitor.Disclosure;

namespace Gem.Core.Dashboard;

/// <summary>How a figure is shown.</summary>
public enum FigureKind
{
    /// <summary>A count of persons, contacts or sessions, rounded to 5 by the disclosure rules.</summary>
    Count,
    /// <summary>A share 0..1, shown as a whole percentage.</summary>
    Share,
    /// <summary>A mean or difference with its 95% confidence interval.</summary>
    Mean,
    /// <summary>A number that is not about persons (options, days): shown as is.</summary>
    Plain,
    /// <summary>Rests on fewer than the minimum number of persons: "&lt; 10".</summary>
    Small,
    /// <summary>Hidden so that a small value cannot be recovered from totals (secondary suppression): "x".</summary>
    Hidden,
}

/// <summary>One published value of the dashboard. Suppression has been decided before a figure exists: a figure cannot leak.</summary>
public readonly record struct Figure(FigureKind Kind, double Value = 0, double Low = 0, double High = 0)
{
    public static Figure Small(int minimum = 10) => new(FigureKind.Small, minimum);
    public static Figure Hidden => new(FigureKind.Hidden);
    public static Figure Plain(double value) => new(FigureKind.Plain, value);

    public bool IsPublished => Kind is not (FigureKind.Small or FigureKind.Hidden);

    /// <summary>A count of persons through the disclosure rules: "&lt; 10" under the minimum, otherwise rounded to 5.</summary>
    public static Figure Count(long persons, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.CanPublish(persons) ? new(FigureKind.Count, rules.Round(persons)) : Small(rules.Rules.MinimumPersons);
    }

    /// <summary>A cell of a protected table.</summary>
    public static Figure FromTable(ProtectedTable table, int row, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rules);
        return table.Status(row, 0) switch
        {
            CellStatus.Published => new(FigureKind.Count, table.Published(row, 0)!.Value),
            CellStatus.PrimarySuppressed => Small(rules.Rules.MinimumPersons),
            _ => Hidden,
        };
    }

    /// <summary>A share whose denominator (and numerator, both counts of persons) reach the minimum; otherwise "&lt; 10".</summary>
    public static Figure Share(long numerator, long denominator, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var rate = rules.RateOrNull(numerator, denominator, numerator);
        return rate is { } r ? new(FigureKind.Share, r) : Small(rules.Rules.MinimumPersons);
    }

    /// <summary>Invariant text for CSV and for the page: "&lt; 10", "x", "45", "62%", "1.4 (0.8 to 2.0)".</summary>
    public override string ToString() => Kind switch
    {
        FigureKind.Small => "< " + Value.ToString("0", CultureInfo.InvariantCulture),
        FigureKind.Hidden => "x",
        FigureKind.Count => Value.ToString("0", CultureInfo.InvariantCulture),
        FigureKind.Share => (Value * 100).ToString("0", CultureInfo.InvariantCulture) + "%",
        FigureKind.Mean => string.Create(CultureInfo.InvariantCulture, $"{Value:0.0} ({Low:0.0} to {High:0.0})"),
        _ => Value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}

/// <summary>One line of a dashboard table: a label (a resource key or a name) and its figures.</summary>
public sealed record DashboardRow(string Label, IReadOnlyList<Figure> Values, bool LabelIsKey = false);

/// <summary>A table of the dashboard: the same rows feed the page, the SVG chart and the CSV download.</summary>
/// <param name="Key">Stable name, used in the CSV address and as resource key prefix.</param>
/// <param name="Columns">Resource keys of the value columns.</param>
public sealed record DashboardTable(string Key, IReadOnlyList<string> Columns, IReadOnlyList<DashboardRow> Rows);
