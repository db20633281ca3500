namespace Gem.Monitor.Vektis;

/// <summary>
/// One data row: sex × age band × gemeente, or the "rest" row (all three keys empty) into which Vektis moves
/// cells with fewer than 10 people.
/// </summary>
/// <param name="Sex">"M" or "V"; null on the rest row.</param>
/// <param name="AgeBand">Normalised age band ("0-4" … "85-89", "90+"); null on the rest row.</param>
/// <param name="Gemeente">Vektis gemeente name as written (UPPER CASE); null on the rest row.</param>
/// <param name="Insured">AANTAL_BSN: distinct insured persons.</param>
/// <param name="PersonYears">AANTAL_VERZEKERDEJAREN: insured person-years.</param>
/// <param name="Costs">Euros per <see cref="VektisCost"/> (index = enum value); 0 for a column the file lacks.</param>
public sealed record VektisRow(string? Sex, string? AgeBand, string? Gemeente, double Insured, double PersonYears, double[] Costs)
{
    public bool IsRest => Gemeente is null;

    public double Cost(VektisCost cost) => Costs[(int)cost];
}

/// <summary>A parsed Vektis file.</summary>
public sealed record VektisFile(int Year, string Path, GgzScheme Scheme, IReadOnlySet<VektisCost> Columns, IReadOnlyList<VektisRow> Rows);

/// <summary>A Vektis file that does not follow the documented layout; the message names the file, line and column.</summary>
public sealed class VektisFormatException(string message) : Exception(message);
