using System.CommandLine;
using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.Atlas.Import;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Cli.Atlas;

/// <summary>
/// <c>gem import offers FILE [--partner NAME|ID] [--provider Sqlite|Postgres] [--connection CS]</c>: imports offers
/// from CSV, Excel or HSDS JSON (docs/import.md), all or nothing. Exit code 0 = all imported, 1 = nothing imported
/// because of the listed errors, 2 = the file or database could not be used.
/// </summary>
public static class ImportCommand
{
    public const int Imported = 0;
    public const int Rejected = 1;
    public const int Unusable = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV (.csv), Excel (.xlsx) or HSDS JSON (.json) file; template in docs/import.md." };
        var partner = new Option<string?>("--partner") { Description = "Id or exact name of the organisation for rows that name none." };
        var provider = CliDatabase.ProviderOption();
        var connection = CliDatabase.ConnectionOption();

        var offers = new Command("offers", "Import offers; every bad cell is listed with line and column, and then nothing is imported.");
        offers.Arguments.Add(file);
        offers.Options.Add(partner);
        offers.Options.Add(provider);
        offers.Options.Add(connection);
        offers.SetAction((parse, ct) => RunAsync(parse.GetValue(file)!, parse.GetValue(partner), parse.GetValue(provider), parse.GetValue(connection),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var import = new Command("import", "Import data into Gem.");
        import.Subcommands.Add(offers);
        return import;
    }

    public static async Task<int> RunAsync(FileInfo file, string? partner, DatabaseProvider? provider, string? connection,
        TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"Bestand niet gevonden: {file.FullName} / File not found: {file.FullName}");
            return Unusable;
        }
        if (OfferImporter.FormatOf(file.Name) is null)
        {
            await error.WriteLineAsync("Gem leest .csv-, .xlsx- en .json-bestanden (HSDS). / Gem reads .csv, .xlsx and .json (HSDS) files.");
            return Unusable;
        }

        await using var db = await CliDatabase.OpenAsync(provider, connection, error, ct);
        if (db is null) return Unusable;

        ImportResult result;
        await using (var stream = file.OpenRead())
        {
            // The command line is run by whoever runs the platform: it may import for any organisation.
            var operatorActor = new Actor(Guid.Empty, null, IsAdmin: true);
            result = await new OfferImporter(db, TimeProvider.System).ImportAsync(operatorActor, stream, file.Name, partner, ct);
        }

        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) await error.WriteLineAsync(e.ToString());
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Niets geïmporteerd: {result.Errors.Count} fout(en). / Nothing imported: {result.Errors.Count} error(s)."));
            return Rejected;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{result.Imported} aanbiedingen geïmporteerd, waarvan {result.Updated} bijgewerkt. / {result.Imported} offers imported, {result.Updated} of them updated."));
        return Imported;
    }
}
