using System.CommandLine;
using System.Globalization;
using System.Text;
using Gem.Monitor;
using Gem.Monitor.Social;
using Spectre.Console;

namespace Gem.Cli.Monitor;

/// <summary>
/// <c>gem monitor-sociaal --data DIR --out DIR [--regio Ermelo,Harderwijk,…]</c>: the social side of the monitor (issue 19) —
/// need, social predictors, reach of Wmo and youth care per gemeente and wijk, the need-and-deprivation model — as CSV
/// (the same figures as the page /monitor/mensen-en-buurt) and a table for the region against the nation on the console.
/// </summary>
internal static class SocialCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data")
        {
            Description = "The repository's datasets/ folder (Vektis, cbs-geo, cbs-ses-woa, cbs-gezondheidsmonitor, cbs-sociaal-domein, rivm-gezondheid-wijk-buurt).",
            Required = true,
        };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for sociaal_indicatoren.csv, behoefte_model.csv and behoefte_gemeenten.csv.",
            Required = true,
        };
        var region = new Option<string?>("--regio")
        {
            Description = "Comma-separated gemeenten of the region (default: Noordwest-Veluwe, the demo region's six gemeenten).",
        };
        var command = new Command("monitor-sociaal", "Social monitor: need, loneliness, debt, youth care and Wmo per gemeente and wijk; does GGZ spending fit need?")
        {
            data,
            output,
            region,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            DirectoryInfo dataDir = parseResult.GetValue(data)!;
            DirectoryInfo outDir = parseResult.GetValue(output)!;
            string? regionText = parseResult.GetValue(region);
            try
            {
                IReadOnlyList<string> gemeenten = regionText is null ? SocialReport.NoordwestVeluwe : [.. regionText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                foreach (string g in gemeenten)
                {
                    if (Gem.Monitor.Gemeenten.GemeenteNames.Default.TryResolve(g)?.Gemeente is not { } resolved || resolved != g)
                    {
                        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]gem monitor-sociaal: '{g}' is not a monitor gemeente (spelling as CBS, e.g. Harderwijk).[/]");
                        return Task.FromResult(2);
                    }
                }

                SocialReport report = AnsiConsole.Status().Start("Gegevens lezen…", _ =>
                {
                    MonitorInputs inputs = MonitorInputs.Load(dataDir.FullName, cancellationToken);
                    SocialData social = SocialData.Load(dataDir.FullName, inputs.Names);
                    return SocialReport.Compute(social, gemeenten, inputs.Years, inputs.SesPc4, inputs.Crosswalk);
                });
                Directory.CreateDirectory(outDir.FullName);
                var files = new (string Name, string Text)[]
                {
                    ("sociaal_indicatoren.csv", SocialCsv.Indicators(report)),
                    ("behoefte_model.csv", SocialCsv.NeedModelCoefficients(report)),
                    ("behoefte_gemeenten.csv", SocialCsv.NeedModelGemeenten(report)),
                };
                foreach ((string name, string text) in files)
                {
                    string path = Path.Combine(outDir.FullName, name);
                    File.WriteAllText(path, text, new UTF8Encoding(false));
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]geschreven[/] {path}");
                }

                AnsiConsole.Write(RegionTable(report));
                var fit = report.Need.Fit;
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"GGZ € per verzekerdejaar {SocialReport.NeedYear} = {fit.Coefficients[0]:0.0} + {fit.Coefficients[1]:0.00} × psychische klachten (%) + {fit.Coefficients[2]:0.0} × SES-WOA; R² {fit.RSquared:0.000} (alleen SES-WOA: {report.Need.DeprivationOnly.RSquared:0.000}), {fit.Fitted.Count} gemeenten.");
                AnsiConsole.MarkupLine("Bron: CBS (85563NED, 81064ned, 85309NED, 84780NED, 84847NED, 86050NED, 85099NED), CC BY 4.0; RIVM, GGD'en, CBS (50090NED, modelschattingen; 50140NED jongvolwassenen 2024); Vektis.");
                return Task.FromResult(0);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or SocialFormatException or Gem.Monitor.Vektis.VektisFormatException or Gem.Monitor.Gemeenten.UnknownGemeenteException)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]gem monitor-sociaal: {ex.Message}[/]");
                return Task.FromResult(1);
            }
        });
        return command;
    }

    private static Table RegionTable(SocialReport report)
    {
        var table = new Table().Title("Mensen en buurt: regio tegen Nederland");
        table.AddColumn("indicator (periode)");
        foreach (string g in report.Region)
        {
            table.AddColumn(new TableColumn(Markup.Escape(g)).RightAligned());
        }

        table.AddColumn(new TableColumn("Nederland").RightAligned());
        foreach (SocialSeries s in report.Data.Series)
        {
            var row = new List<string> { Markup.Escape($"{s.Indicator.Label} ({s.Period}){(s.Indicator.Estimate == SocialEstimate.ModelEstimate ? " *" : string.Empty)}") };
            foreach (string g in report.Region)
            {
                row.Add(report.Find(s.Indicator.Key, s.Period, SocialLevel.Gemeente, g) is { } f ? SocialCsv.Number(f.Value, SocialReport.Decimals(f.Indicator)) : "–");
            }

            row.Add(report.Find(s.Indicator.Key, s.Period, SocialLevel.Nederland, "NL") is { } n ? SocialCsv.Number(n.Value, SocialReport.Decimals(n.Indicator)) : "–");
            table.AddRow(row.ToArray());
        }

        table.Caption("* modelschatting (RIVM SMAP), geen directe meting");
        return table;
    }
}
