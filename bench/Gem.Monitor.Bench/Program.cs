using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Gem.Monitor.Disclosure;
using Gem.Monitor.Microdata;

// Bench for the population monitor on national synthetic microdata (bench/monitor/run.sh drives it).
//   generate <dataDir> <outDir> <firstYear> <lastYear> [scale]   synthetic microdata (SYNTHETIC, calibrated on real aggregates)
//   gem <inputGlob> <outCsv>                                       full Gem indicator run (DuckDB aggregation + statistics + disclosure control)
//   sql <script.sql> <inputGlob> <outCsv>                          the same aggregation as one plain DuckDB SQL script, nothing else
//   parquet <csvDir> <parquetDir>                                  columnar cache: each microdata CSV written once as Parquet by DuckDB
//   compare <gem.csv> <other.csv>...                               indicator VALUES per PC4-year: Gem against each other output
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: generate|gem|sql ...");
    return 2;
}

var clock = Stopwatch.StartNew();
switch (args[0])
{
    case "generate":
    {
        int first = int.Parse(args[3], CultureInfo.InvariantCulture), last = int.Parse(args[4], CultureInfo.InvariantCulture);
        double scale = args.Length > 5 ? double.Parse(args[5], CultureInfo.InvariantCulture) : 1.0;
        SyntheticSummary s = SyntheticMicrodata.Generate(
            args[1], args[2], new SyntheticOptions([.. Enumerable.Range(first, last - first + 1)], scale),
            new Progress<string>(f => Console.Error.WriteLine($"  wrote {f}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {s.PersonsPerYear} persons x {s.Files.Count} years in {clock.Elapsed.TotalSeconds:F1} s"));
        break;
    }

    case "gem":
    {
        IReadOnlyList<Pc4Aggregate> aggregates = MicrodataIndicators.Aggregate(args[1]);
        double tAggregate = clock.Elapsed.TotalSeconds;
        MicrodataResult result = MicrodataIndicators.Compute(aggregates, new DisclosureControl());
        double tCompute = clock.Elapsed.TotalSeconds - tAggregate;
        File.WriteAllText(args[2], MicrodataIndicators.ToCsv(result, synthetic: true), new UTF8Encoding(false));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"aggregate {tAggregate:F2} s, statistics + disclosure {tCompute:F2} s"));
        long persons = result.National.Sum(static n => n.Inhabitants), patients = result.National.Sum(static n => n.Patients);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gem: {result.Pc4.Count} PC4-years, {persons} person-years, {patients} patient-years, {clock.Elapsed.TotalSeconds:F1} s"));
        break;
    }

    case "sql":
    {
        string script = File.ReadAllText(args[1])
            .Replace("{{INPUT}}", MicrodataSchema.Source(args[2]), StringComparison.Ordinal)
            .Replace("{{OUTPUT}}", args[3].Replace("'", "''", StringComparison.Ordinal), StringComparison.Ordinal);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using DuckDBCommand cmd = db.CreateCommand();
        cmd.CommandText = script;
        cmd.ExecuteNonQuery();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sql: {clock.Elapsed.TotalSeconds:F1} s"));
        break;
    }

    case "parquet":
    {
        Directory.CreateDirectory(args[2]);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        foreach (string csv in Directory.EnumerateFiles(args[1], "*.csv").Order(StringComparer.Ordinal))
        {
            string target = Path.Combine(args[2], Path.GetFileNameWithoutExtension(csv) + ".parquet");
            using DuckDBCommand cmd = db.CreateCommand();
            cmd.CommandText = $"COPY (SELECT * FROM {MicrodataSchema.Source(csv)}) TO '{target.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, COMPRESSION zstd)";
            cmd.ExecuteNonQuery();
            Console.Error.WriteLine($"  wrote {target}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parquet: {clock.Elapsed.TotalSeconds:F1} s"));
        break;
    }

    case "compare":
        return IndicatorComparison.Run(args[1], args[2..]);

    default:
        Console.Error.WriteLine($"unknown mode {args[0]}");
        return 2;
}

return 0;
