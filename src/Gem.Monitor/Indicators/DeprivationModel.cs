using System.Globalization;
using Gem.Monitor.Deprivation;
using Gem.Monitor.Statistics;

namespace Gem.Monitor.Indicators;

/// <summary>One gemeente in the deprivation regression.</summary>
public sealed record DeprivationInput(string Gemeente, double GgzPerPersonYear, double SesScore, double Households);

/// <summary>Observed against the expenditure expected from deprivation.</summary>
public sealed record DeprivationResidual(string Gemeente, double Observed, double Expected, double SesScore, double Households)
{
    public double Ratio => Observed / Expected;
}

/// <summary>The fitted model and each gemeente's observed vs expected.</summary>
public sealed record DeprivationResult(int Year, RegressionFit Fit, IReadOnlyList<DeprivationResidual> Gemeenten);

/// <summary>
/// Regression of GGZ expenditure per insured person-year on SES-WOA aggregated to the gemeente (household-weighted
/// mean over its PC4 areas), weighted by households: "does spending fit the population?" (seed 002, social predictors).
/// </summary>
public static class DeprivationModel
{
    public const string Header = "gemeente;ggz_per_verzekerdejaar;ses_woa;huishoudens";

    public static IReadOnlyList<DeprivationInput> Inputs(GgzYear year, IReadOnlyList<SesGemeente> ses)
    {
        ArgumentNullException.ThrowIfNull(year);
        ArgumentNullException.ThrowIfNull(ses);
        var byName = ses.ToDictionary(static s => s.Gemeente, StringComparer.Ordinal);
        return [.. year.Gemeenten
            .Where(g => byName.ContainsKey(g.Area) && double.IsFinite(g.GgzPerPersonYear))
            .Select(g => new DeprivationInput(g.Area, g.GgzPerPersonYear, byName[g.Area].Score, byName[g.Area].Households))];
    }

    public static DeprivationResult Fit(int year, IReadOnlyList<DeprivationInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        RegressionFit fit = WeightedLeastSquares.Fit(
            [.. inputs.Select(static i => i.GgzPerPersonYear)],
            [[.. inputs.Select(static i => i.SesScore)]],
            ["ses_woa"],
            [.. inputs.Select(static i => i.Households)]);
        return new DeprivationResult(
            year,
            fit,
            [.. inputs.Select((input, k) => new DeprivationResidual(input.Gemeente, input.GgzPerPersonYear, fit.Fitted[k], input.SesScore, input.Households))]);
    }

    /// <summary>
    /// Several gemeenten taken together (a region): observed and expected € per person-year averaged with the
    /// gemeenten's person-years as weights, SES-WOA with their households (as within a gemeente).
    /// </summary>
    public static DeprivationResidual Combine(string name, IReadOnlyList<(DeprivationResidual Gemeente, double PersonYears)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        double py = parts.Sum(static p => p.PersonYears), households = parts.Sum(static p => p.Gemeente.Households);
        if (!(py > 0) || !(households > 0))
        {
            throw new ArgumentException("Combine needs person-years and households.", nameof(parts));
        }

        return new DeprivationResidual(
            name,
            parts.Sum(static p => p.Gemeente.Observed * p.PersonYears) / py,
            parts.Sum(static p => p.Gemeente.Expected * p.PersonYears) / py,
            parts.Sum(static p => p.Gemeente.SesScore * p.Gemeente.Households) / households,
            households);
    }

    /// <summary>Writes the regression input (semicolon-separated, round-trip doubles) for R and for review.</summary>
    public static void WriteInputs(IReadOnlyList<DeprivationInput> inputs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header + "\n");
        foreach (DeprivationInput i in inputs)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{i.Gemeente};{i.GgzPerPersonYear:R};{i.SesScore:R};{i.Households:R}\n"));
        }
    }

    public static IReadOnlyList<DeprivationInput> ReadInputs(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? header = reader.ReadLine();
        if (header != Header)
        {
            throw new InvalidDataException($"Expected header '{Header}', found '{header}'.");
        }

        var list = new List<DeprivationInput>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split(';');
            list.Add(new DeprivationInput(
                f[0],
                double.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture)));
        }

        return list;
    }
}
