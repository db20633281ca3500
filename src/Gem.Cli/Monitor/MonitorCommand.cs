using System.CommandLine;
using Gem.Monitor;
using Spectre.Console;

namespace Gem.Cli.Monitor;

/// <summary><c>gem monitor --data DIR --out DIR</c>: the population monitor on public data (Vektis, CBS).</summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "Folder with vektis-zvw-gemeente/, cbs-geo/ and cbs-ses-woa/ (the repository's datasets/ folder).",
            Required = true,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for indicatoren_gemeente.csv, indicatoren_nederland.csv, deprivatie_regressie.csv and rapport.html.",
            Required = true,
        };
        var microdata = new Option<string?>("--microdata")
        {
            Description = "Optional person-level microdata (CSV/Parquet file or glob, docs/monitor/microdata.md): adds the six Fig. 4 indicators per PC4.",
        };
        var command = new Command("monitor", "Population monitor: GGZ indicators per gemeente, standardised, related to deprivation, mapped; small numbers suppressed.")
        {
            data,
            output,
            microdata,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            DirectoryInfo dataDir = parseResult.GetValue(data)!;
            DirectoryInfo outDir = parseResult.GetValue(output)!;
            string? microdataPath = parseResult.GetValue(microdata);
            try
            {
                MonitorResult result = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var tasks = new Dictionary<MonitorStep, ProgressTask>
                        {
                            [MonitorStep.ReadVektis] = ctx.AddTask("Vektis lezen"),
                            [MonitorStep.Indicators] = ctx.AddTask("Indicatoren berekenen"),
                            [MonitorStep.Deprivation] = ctx.AddTask("SES-WOA en regressie"),
                            [MonitorStep.Maps] = ctx.AddTask("Kaarten laden"),
                            [MonitorStep.Write] = ctx.AddTask("CSV en rapport schrijven"),
                        };
                        var progress = new SynchronousProgress(p => tasks[p.Step].Value = p.Percent);
                        MonitorResult r = await Task.Run(() => MonitorRun.Run(dataDir.FullName, outDir.FullName, progress, microdataPath, cancellationToken), cancellationToken);
                        foreach (ProgressTask t in tasks.Values)
                        {
                            t.Value = 100;
                        }

                        return r;
                    });
                foreach (string file in result.Files)
                {
                    AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[green]geschreven[/] {file}");
                }

                foreach (var b in result.Breaks)
                {
                    AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[yellow]waarschuwing: {Gem.Monitor.Indicators.SourceBreaks.Dutch(b)}[/]");
                }

                AnsiConsole.MarkupLine("Bron: Vektis; CBS, CC BY 4.0.");
                return 0;
            }
            catch (Exception ex) when (ex is IOException or DuckDB.NET.Data.DuckDBException or InvalidDataException or Gem.Monitor.Vektis.VektisFormatException or Gem.Monitor.Gemeenten.UnknownGemeenteException)
            {
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]gem monitor: {ex.Message}[/]");
                return 1;
            }
        });
        return command;
    }

    private sealed class SynchronousProgress(Action<MonitorProgress> report) : IProgress<MonitorProgress>
    {
        public void Report(MonitorProgress value) => report(value);
    }
}
