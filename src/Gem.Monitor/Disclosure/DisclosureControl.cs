using System.Globalization;

namespace Gem.Monitor.Disclosure;

/// <summary>Why a value is or is not shown.</summary>
public enum CellStatus
{
    Published,
    /// <summary>Rests on fewer persons than the minimum.</summary>
    PrimarySuppressed,
    /// <summary>Hidden so that a primary suppressed value cannot be recovered from totals.</summary>
    SecondarySuppressed,
}

/// <summary>The rules: the minimum number of persons behind any published figure, and the rounding base of published counts.</summary>
public sealed record DisclosureRules(int MinimumPersons = 10, int RoundingBase = 5)
{
    public static DisclosureRules Default { get; } = new();
}

/// <summary>A table after disclosure control: cells and their margins, each with status and published (rounded) value.</summary>
public sealed class ProtectedTable
{
    private readonly long[] _values;
    private readonly CellStatus[] _status;
    private readonly int _roundingBase;

    internal ProtectedTable(int rows, int columns, long[] values, CellStatus[] status, bool hasRowTotals, bool hasColumnTotals, int roundingBase)
    {
        Rows = rows;
        Columns = columns;
        _values = values;
        _status = status;
        HasRowTotals = hasRowTotals;
        HasColumnTotals = hasColumnTotals;
        _roundingBase = roundingBase;
    }

    public int Rows { get; }

    public int Columns { get; }

    public bool HasRowTotals { get; }

    public bool HasColumnTotals { get; }

    public CellStatus Status(int row, int column) => _status[CellIndex(row, column)];

    /// <summary>The rounded count, or null when suppressed.</summary>
    public long? Published(int row, int column) => PublishedAt(CellIndex(row, column));

    public CellStatus RowTotalStatus(int row) => _status[RowTotalIndex(row)];

    public long? PublishedRowTotal(int row) => PublishedAt(RowTotalIndex(row));

    public CellStatus ColumnTotalStatus(int column) => _status[ColumnTotalIndex(column)];

    public long? PublishedColumnTotal(int column) => PublishedAt(ColumnTotalIndex(column));

    public CellStatus GrandTotalStatus => _status[^1];

    public long? PublishedGrandTotal => PublishedAt(_values.Length - 1);

    /// <summary>Display text: the rounded count, or "x" (CBS' sign for "geheim") when suppressed.</summary>
    public string Text(int row, int column)
    {
        long? v = Published(row, column);
        return v is null ? "x" : v.Value.ToString(CultureInfo.InvariantCulture);
    }

    internal int CellIndex(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"Cell ({row}, {column}) is outside the {Rows}×{Columns} table.");
        }

        return (row * Columns) + column;
    }

    internal int RowTotalIndex(int row)
    {
        if (!HasRowTotals)
        {
            throw new InvalidOperationException("This table has no row totals (one column: the cells are the row totals).");
        }

        return (Rows * Columns) + row;
    }

    internal int ColumnTotalIndex(int column)
    {
        if (!HasColumnTotals)
        {
            throw new InvalidOperationException("This table has no column totals (one row: the cells are the column totals).");
        }

        return (Rows * Columns) + (HasRowTotals ? Rows : 0) + column;
    }

    private long? PublishedAt(int index) => _status[index] == CellStatus.Published ? DisclosureControl.Round(_values[index], _roundingBase) : null;
}

/// <summary>
/// Statistical disclosure control for everything Gem publishes about people (docs/decisions/103-disclosure-control.md):
/// <list type="number">
/// <item>primary suppression: a count below <see cref="DisclosureRules.MinimumPersons"/> (10), zero included, is not shown;
/// a rate or mean is shown only if it rests on at least that many persons (<see cref="CanPublish"/>);</item>
/// <item>secondary suppression: with the margins (row, column, grand totals) published, more cells are hidden until no
/// suppressed value can be computed exactly from the published values (checked by linear algebra over all the table's
/// sum equations, not only "two per line"), choosing each time the smallest publishable cell that shares an equation;</item>
/// <item>rounding: every published count is rounded to the nearest multiple of <see cref="DisclosureRules.RoundingBase"/> (5).</item>
/// </list>
/// The decisions use the exact counts; rounding only changes what is shown. Pure: no I/O; shared by Monitor and Dashboard.
/// </summary>
public sealed class DisclosureControl(DisclosureRules rules)
{
    public DisclosureControl()
        : this(DisclosureRules.Default)
    {
    }

    public DisclosureRules Rules { get; } = Guard(rules);

    /// <summary>Nearest multiple of the base (…2 down, …3 up for base 5).</summary>
    public static long Round(long value, int roundingBase)
    {
        if (roundingBase < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(roundingBase), roundingBase, "The rounding base must be at least 1.");
        }

        long r = (long)Math.Round(value / (double)roundingBase, MidpointRounding.AwayFromZero) * roundingBase;
        return r;
    }

    /// <summary>Rounds a count by the rules.</summary>
    public long Round(long value) => Round(value, Rules.RoundingBase);

    /// <summary>Whether a figure resting on this many persons may be shown.</summary>
    public bool CanPublish(long persons) => persons >= Rules.MinimumPersons;

    /// <summary>A rate or mean, or null when its denominator (or numerator, if it counts persons) is under the minimum.</summary>
    public double? RateOrNull(double numerator, long denominatorPersons, long? numeratorPersons = null)
    {
        return CanPublish(denominatorPersons) && (numeratorPersons is null || CanPublish(numeratorPersons.Value))
            ? numerator / denominatorPersons
            : null;
    }

    /// <summary>
    /// A fraction of two counts as published: null unless both reach the minimum; otherwise computed from the rounded counts,
    /// so that together with them it reveals nothing more (an exact fraction next to rounded counts gives the exact counts back).
    /// </summary>
    public double? Fraction(long numerator, long denominator)
    {
        return CanPublish(numerator) && CanPublish(denominator) ? Round(numerator) / (double)Round(denominator) : null;
    }

    /// <summary>Protects a list of counts that is published with its total (one column).</summary>
    public ProtectedTable ProtectList(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var cells = new long[counts.Count, 1];
        for (int i = 0; i < counts.Count; i++)
        {
            cells[i, 0] = counts[i];
        }

        return Protect(cells);
    }

    /// <summary>Protects a table of counts that is published with its row, column and grand totals.</summary>
    public ProtectedTable Protect(long[,] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int rows = cells.GetLength(0), cols = cells.GetLength(1);
        if (rows == 0 || cols == 0)
        {
            throw new ArgumentException("The table is empty.", nameof(cells));
        }

        bool rowTotals = cols > 1, colTotals = rows > 1;
        int n = (rows * cols) + (rowTotals ? rows : 0) + (colTotals ? cols : 0) + 1;
        var values = new long[n];
        int grand = n - 1;
        var constraints = new List<(int Total, int[] Parts)>();
        int rowBase = rows * cols, colBase = rowBase + (rowTotals ? rows : 0);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                long v = cells[r, c];
                if (v < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(cells), v, $"Cell ({r}, {c}): counts cannot be negative.");
                }

                values[(r * cols) + c] = v;
                values[grand] += v;
                if (rowTotals)
                {
                    values[rowBase + r] += v;
                }

                if (colTotals)
                {
                    values[colBase + c] += v;
                }
            }
        }

        // The equations an attacker can use: each total equals the sum of its parts.
        if (rowTotals)
        {
            for (int r = 0; r < rows; r++)
            {
                constraints.Add((rowBase + r, [.. Enumerable.Range(0, cols).Select(c => (r * cols) + c)]));
            }
        }

        if (colTotals)
        {
            for (int c = 0; c < cols; c++)
            {
                constraints.Add((colBase + c, [.. Enumerable.Range(0, rows).Select(r => (r * cols) + c)]));
            }
        }

        constraints.Add((grand, rowTotals ? [.. Enumerable.Range(0, rows).Select(r => rowBase + r)] : [.. Enumerable.Range(0, rows * cols)]));
        if (rowTotals && colTotals)
        {
            constraints.Add((grand, [.. Enumerable.Range(0, cols).Select(c => colBase + c)]));
        }

        var status = new CellStatus[n];
        for (int i = 0; i < n; i++)
        {
            status[i] = values[i] < Rules.MinimumPersons ? CellStatus.PrimarySuppressed : CellStatus.Published;
        }

        int innerCells = rows * cols;
        while (true)
        {
            List<int> exposed = [.. RecoverableSuppressed(values.Length, constraints, status)];
            if (exposed.Count == 0)
            {
                break;
            }

            // Complement: where a hidden value is the only hidden one in an equation (recoverable by subtraction), the
            // smallest published value of that equation; otherwise (a leak through a chain of equations) the smallest
            // published value in an equation linked to the exposed value through hidden values. Inner cells before totals.
            (int Total, int[] Parts)? direct = constraints
                .Cast<(int Total, int[] Parts)?>()
                .FirstOrDefault(k => k!.Value.Parts.Append(k.Value.Total).Count(i => status[i] != CellStatus.Published) == 1);
            int complement = direct is { } d
                ? Smallest(d.Parts.Append(d.Total), status, values, innerCells)
                : Complement(exposed[0], constraints, status, values, innerCells);
            if (complement < 0)
            {
                throw new InvalidOperationException("Secondary suppression found no cell to hide; this cannot happen with consistent totals.");
            }

            status[complement] = CellStatus.SecondarySuppressed;
        }

        return new ProtectedTable(rows, cols, values, status, rowTotals, colTotals, Rules.RoundingBase);
    }

    private static int Smallest(IEnumerable<int> candidates, CellStatus[] status, long[] values, int innerCells)
    {
        return candidates
            .Where(i => status[i] == CellStatus.Published)
            .OrderBy(i => i < innerCells ? 0 : 1)
            .ThenBy(i => values[i])
            .ThenBy(static i => i)
            .FirstOrDefault(-1);
    }

    private static int Complement(int exposed, List<(int Total, int[] Parts)> constraints, CellStatus[] status, long[] values, int innerCells)
    {
        var visited = new HashSet<int> { exposed };
        var frontier = new List<int> { exposed };
        while (frontier.Count > 0)
        {
            var touched = constraints
                .Where(k => frontier.Contains(k.Total) || k.Parts.Any(frontier.Contains))
                .SelectMany(static k => k.Parts.Append(k.Total))
                .Distinct()
                .ToList();
            int best = Smallest(touched, status, values, innerCells);
            if (best >= 0)
            {
                return best;
            }

            frontier = [.. touched.Where(visited.Add)];
        }

        return -1;
    }

    /// <summary>
    /// Suppressed values that the published values and the sum equations determine exactly. Unknowns are the suppressed
    /// values; each equation becomes a row of coefficients over them. An unknown is determined iff it is a pivot column of the
    /// reduced row-echelon form whose row has no entry in a free column.
    /// </summary>
    internal static IEnumerable<int> RecoverableSuppressed(int n, IReadOnlyList<(int Total, int[] Parts)> constraints, IReadOnlyList<CellStatus> status)
    {
        int[] unknowns = [.. Enumerable.Range(0, n).Where(i => status[i] != CellStatus.Published)];
        if (unknowns.Length == 0)
        {
            return [];
        }

        var column = new Dictionary<int, int>();
        for (int j = 0; j < unknowns.Length; j++)
        {
            column[unknowns[j]] = j;
        }

        var rows = new List<double[]>();
        foreach ((int total, int[] parts) in constraints)
        {
            var row = new double[unknowns.Length];
            bool any = false;
            if (column.TryGetValue(total, out int t))
            {
                row[t] -= 1;
                any = true;
            }

            foreach (int p in parts)
            {
                if (column.TryGetValue(p, out int j))
                {
                    row[j] += 1;
                    any = true;
                }
            }

            if (any)
            {
                rows.Add(row);
            }
        }

        // Reduced row-echelon form (entries are small integers; partial pivoting keeps it exact enough).
        int m = unknowns.Length, pivotRow = 0;
        var pivotOfColumn = new int[m];
        Array.Fill(pivotOfColumn, -1);
        for (int c = 0; c < m && pivotRow < rows.Count; c++)
        {
            int best = -1;
            double bestAbs = 1e-9;
            for (int r = pivotRow; r < rows.Count; r++)
            {
                if (Math.Abs(rows[r][c]) > bestAbs)
                {
                    bestAbs = Math.Abs(rows[r][c]);
                    best = r;
                }
            }

            if (best < 0)
            {
                continue;
            }

            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            double[] pr = rows[pivotRow];
            double pv = pr[c];
            for (int k = 0; k < m; k++)
            {
                pr[k] /= pv;
            }

            for (int r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || Math.Abs(rows[r][c]) < 1e-12)
                {
                    continue;
                }

                double f = rows[r][c];
                double[] rr = rows[r];
                for (int k = 0; k < m; k++)
                {
                    rr[k] -= f * pr[k];
                }
            }

            pivotOfColumn[c] = pivotRow;
            pivotRow++;
        }

        var determined = new List<int>();
        for (int c = 0; c < m; c++)
        {
            int r = pivotOfColumn[c];
            if (r < 0)
            {
                continue;
            }

            bool free = false;
            for (int k = 0; k < m && !free; k++)
            {
                free = pivotOfColumn[k] < 0 && Math.Abs(rows[r][k]) > 1e-9;
            }

            if (!free)
            {
                determined.Add(unknowns[c]);
            }
        }

        return determined;
    }

    private static DisclosureRules Guard(DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.MinimumPersons < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.MinimumPersons, "The minimum number of persons must be at least 1.");
        }

        if (rules.RoundingBase < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.RoundingBase, "The rounding base must be at least 1.");
        }

        return rules;
    }
}
