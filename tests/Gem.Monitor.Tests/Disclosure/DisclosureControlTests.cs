using Gem.Monitor.Disclosure;

namespace Gem.Monitor.Tests.Disclosure;

public class DisclosureControlTests
{
    private readonly DisclosureControl _control = new();

    [Theory]
    [InlineData(0, 0)]
    [InlineData(12, 10)]
    [InlineData(13, 15)]
    [InlineData(17, 15)]
    [InlineData(18, 20)]
    [InlineData(1234, 1235)]
    public void Round_Count_GoesToNearestMultipleOfFive(long value, long expected)
    {
        Assert.Equal(expected, _control.Round(value));
    }

    [Fact]
    public void Protect_OneSmallCellInARow_HidesAComplementSoSubtractionFails()
    {
        // Row 0 has one cell of 4 persons; publishing the rest and the row total would reveal it by subtraction.
        long[,] cells =
        {
            { 4, 40, 55 },
            { 30, 25, 60 },
            { 50, 35, 70 },
        };
        ProtectedTable t = _control.Protect(cells);

        Assert.Equal(CellStatus.PrimarySuppressed, t.Status(0, 0));
        Assert.True(SuppressedIn(t, row: 0) >= 2, "row 0 needs a second hidden cell");
        Assert.True(SuppressedInColumn(t, 0) >= 2, "column 0 needs a second hidden cell");
        AssertNothingRecoverable(cells, t);
        // The smallest protection is a 2×2 rectangle: (0,0), (0,1), (1,0), (1,1) — no more.
        Assert.Equal(4, Enumerable.Range(0, 9).Count(i => t.Status(i / 3, i % 3) != CellStatus.Published));
        Assert.Equal(370, t.PublishedGrandTotal); // exact 369, rounded to 5
    }

    [Fact]
    public void Protect_AllCellsLarge_PublishesEverythingRoundedToFive()
    {
        long[,] cells = { { 11, 22 }, { 33, 44 } };
        ProtectedTable t = _control.Protect(cells);
        Assert.Equal("10", t.Text(0, 0));
        Assert.Equal(20, t.Published(0, 1));
        Assert.Equal(35, t.Published(1, 0));
        Assert.Equal(45, t.Published(1, 1));
        Assert.Equal(35, t.PublishedRowTotal(0));
        Assert.Equal(45, t.PublishedColumnTotal(0));
        Assert.Equal(110, t.PublishedGrandTotal);
    }

    [Fact]
    public void Protect_RowOfTinyCells_SuppressesTheRowTotalAndProtectsIt()
    {
        // Row 1 sums to 7 (< 10): its total is primary suppressed too; the grand total must not give it away.
        long[,] cells = { { 40, 50, 60 }, { 2, 3, 2 }, { 70, 20, 90 } };
        ProtectedTable t = _control.Protect(cells);
        Assert.Equal(CellStatus.PrimarySuppressed, t.RowTotalStatus(1));
        Assert.Null(t.PublishedRowTotal(1));
        AssertNothingRecoverable(cells, t);
    }

    [Fact]
    public void ProtectList_OneSmallArea_HidesASecondArea()
    {
        ProtectedTable t = _control.ProtectList([120, 8, 45, 300, 33]);
        Assert.Equal(CellStatus.PrimarySuppressed, t.Status(1, 0));
        Assert.Equal(CellStatus.SecondarySuppressed, t.Status(4, 0)); // the smallest publishable area
        Assert.Equal(505, t.PublishedGrandTotal);
        AssertNothingRecoverable(new long[,] { { 120 }, { 8 }, { 45 }, { 300 }, { 33 } }, t);
    }

    [Fact]
    public void ProtectList_ZeroPersons_IsSuppressedLikeAnySmallCount()
    {
        ProtectedTable t = _control.ProtectList([0, 50, 60]);
        Assert.NotEqual(CellStatus.Published, t.Status(0, 0));
        Assert.Null(t.Published(0, 0));
    }

    [Fact]
    public void Protect_RandomCraftedTables_NoSuppressedValueCanBeRecovered()
    {
        var random = new Random(20261123);
        for (int trial = 0; trial < 60; trial++)
        {
            int rows = random.Next(2, 7), cols = random.Next(2, 6);
            var cells = new long[rows, cols];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    cells[r, c] = random.NextDouble() < 0.25 ? random.Next(0, 10) : random.Next(10, 200);
                }
            }

            ProtectedTable t = _control.Protect(cells);
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < cols; c++)
                {
                    Assert.True(cells[r, c] >= 10 || t.Status(r, c) != CellStatus.Published);
                }
            }

            AssertNothingRecoverable(cells, t);
        }
    }

    [Fact]
    public void CanPublish_NineAndTenPersons_DrawsTheLineAtTen()
    {
        Assert.False(_control.CanPublish(9));
        Assert.True(_control.CanPublish(10));
        Assert.Null(_control.RateOrNull(5000, 9));
        Assert.Equal(50.0, _control.RateOrNull(500, 10));
        Assert.Null(_control.RateOrNull(3, 1000, numeratorPersons: 3));
    }

    [Fact]
    public void Constructor_InvalidRules_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureControl(new DisclosureRules(0, 5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DisclosureControl(new DisclosureRules(10, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _control.Protect(new long[,] { { -1, 20 } }));
    }

    private static int SuppressedIn(ProtectedTable t, int row) =>
        Enumerable.Range(0, t.Columns).Count(c => t.Status(row, c) != CellStatus.Published);

    private static int SuppressedInColumn(ProtectedTable t, int column) =>
        Enumerable.Range(0, t.Rows).Count(r => t.Status(r, column) != CellStatus.Published);

    /// <summary>
    /// Independent attacker: writes every published-total equation over the hidden values and checks, with exact
    /// fraction-free integer elimination, that removing any one hidden value's column lowers no rank
    /// (i.e. each hidden value has a second solution).
    /// </summary>
    private static void AssertNothingRecoverable(long[,] cells, ProtectedTable t)
    {
        int rows = t.Rows, cols = t.Columns;
        var hidden = new List<string>();
        var equations = new List<Dictionary<string, long>>();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (t.Published(r, c) is null)
                {
                    hidden.Add($"c{r},{c}");
                }
            }
        }

        bool gHidden = t.PublishedGrandTotal is null;
        if (gHidden)
        {
            hidden.Add("g");
        }

        if (t.HasRowTotals)
        {
            for (int r = 0; r < rows; r++)
            {
                if (t.PublishedRowTotal(r) is null)
                {
                    hidden.Add($"r{r}");
                }

                var eq = new Dictionary<string, long> { [$"r{r}"] = -1 };
                for (int c = 0; c < cols; c++)
                {
                    eq[$"c{r},{c}"] = 1;
                }

                equations.Add(eq);
            }
        }

        if (t.HasColumnTotals)
        {
            for (int c = 0; c < cols; c++)
            {
                if (t.PublishedColumnTotal(c) is null)
                {
                    hidden.Add($"k{c}");
                }

                var eq = new Dictionary<string, long> { [$"k{c}"] = -1 };
                for (int r = 0; r < rows; r++)
                {
                    eq[$"c{r},{c}"] = 1;
                }

                equations.Add(eq);
            }
        }

        var grand = new Dictionary<string, long> { ["g"] = -1 };
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                grand[$"c{r},{c}"] = 1;
            }
        }

        equations.Add(grand);
        if (hidden.Count == 0)
        {
            return;
        }

        long[][] matrix = [.. equations.Select(e => hidden.Select(h => e.GetValueOrDefault(h)).ToArray())];
        int full = Rank(matrix);
        for (int j = 0; j < hidden.Count; j++)
        {
            long[][] without = [.. matrix.Select(row => row.Where((_, k) => k != j).ToArray())];
            Assert.True(Rank(without) == full, $"hidden value {hidden[j]} can be computed from the published totals");
        }

        _ = cells;
    }

    private static int Rank(long[][] m)
    {
        long[][] a = [.. m.Select(static r => (long[])r.Clone())];
        int rows = a.Length, cols = rows == 0 ? 0 : a[0].Length, rank = 0;
        for (int c = 0; c < cols && rank < rows; c++)
        {
            int p = Array.FindIndex(a, rank, r => r[c] != 0);
            if (p < 0)
            {
                continue;
            }

            (a[rank], a[p]) = (a[p], a[rank]);
            for (int r = 0; r < rows; r++)
            {
                if (r != rank && a[r][c] != 0)
                {
                    long f = a[r][c], g = a[rank][c];
                    for (int k = 0; k < cols; k++)
                    {
                        a[r][k] = (a[r][k] * g) - (a[rank][k] * f);
                    }

                    long gcd = 0;
                    foreach (long v in a[r])
                    {
                        gcd = Gcd(gcd, Math.Abs(v));
                    }

                    if (gcd > 1)
                    {
                        for (int k = 0; k < cols; k++)
                        {
                            a[r][k] /= gcd;
                        }
                    }
                }
            }

            rank++;
        }

        return rank;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
