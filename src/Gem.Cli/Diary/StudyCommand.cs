using System.CommandLine;
using System.Globalization;
using Gem.Core.Data;
using Gem.Core.Diary;
using Gem.Core.Diary.Research;
using Microsoft.Extensions.Options;

namespace Gem.Cli.Diary;

/// <summary>
/// <c>gem diary-study check FILE</c>: reads a research protocol (JSON, docs/diary.md "Research use") and lists every
/// problem with its line and column, as <c>gem import offers</c> does. Exit code 0 = the protocol is valid, 1 = it is
/// rejected (errors listed), 2 = the file could not be read. <c>gem diary-study load FILE</c> checks the same way and
/// stores the study (all or nothing; exit codes as check). <c>gem diary-study export ID [--format csv|json] [--out FILE]</c>
/// writes the study's aggregate export from the database (decision 804), logged as an export by the command line's user
/// (exit 0, 1 = no such study, 2 = the database or file could not be used).
/// </summary>
public static class StudyCommand
{
    public const int Valid = 0;
    public const int Rejected = 1;
    public const int Unusable = 2;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The study protocol (.json)." };
        var check = new Command("check", "Check a study protocol; every problem is listed with line and column.");
        check.Arguments.Add(file);
        check.SetAction((parse, ct) => CheckAsync(parse.GetValue(file)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        var provider = CliDatabase.ProviderOption();
        var connection = CliDatabase.ConnectionOption();
        var loadFile = new Argument<FileInfo>("FILE") { Description = "The study protocol (.json)." };
        var load = new Command("load", "Check and store a study protocol; any problem (with line and column) and nothing is stored.");
        load.Arguments.Add(loadFile);
        load.Options.Add(provider);
        load.Options.Add(connection);
        load.SetAction((parse, ct) => LoadAsync(parse.GetValue(loadFile)!, parse.GetValue(provider), parse.GetValue(connection),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var id = new Argument<string>("ID") { Description = "The study's id (from its protocol)." };
        var format = new Option<string>("--format") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var outFile = new Option<FileInfo?>("--out") { Description = "Write to this file (default: standard output)." };
        var export = new Command("export", "Write a study's aggregate export (groups of at least 10 persons, counts rounded to 5); logged.");
        export.Arguments.Add(id);
        export.Options.Add(format);
        export.Options.Add(outFile);
        export.Options.Add(provider);
        export.Options.Add(connection);
        export.SetAction((parse, ct) => ExportAsync(parse.GetValue(id)!, parse.GetValue(format)!, parse.GetValue(outFile), parse.GetValue(provider), parse.GetValue(connection),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));

        var study = new Command("diary-study", "Research protocols for the diary (opt-in studies).");
        study.Subcommands.Add(check);
        study.Subcommands.Add(load);
        study.Subcommands.Add(export);
        return study;
    }

    private static DiaryStudies Studies(GemDbContext db) =>
        new(db, new DiaryService(db, TimeProvider.System, Options.Create(new DiaryOptions())), TimeProvider.System);

    public static async Task<int> LoadAsync(FileInfo file, DatabaseProvider? provider, string? connection, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"Bestand niet gevonden: {file.FullName} / File not found: {file.FullName}");
            return Unusable;
        }
        var json = await File.ReadAllTextAsync(file.FullName, ct);
        await using var db = await CliDatabase.OpenAsync(provider, connection, error, ct);
        if (db is null) return Unusable;
        var result = await Studies(db).LoadAsync(json, ct);
        if (result.Protocol is not { } p)
        {
            await WriteErrorsAsync(result, error);
            return Rejected;
        }
        await output.WriteLineAsync($"Onderzoek '{p.Id}' geladen en open. / Study '{p.Id}' loaded and open.");
        return Valid;
    }

    public static async Task<int> ExportAsync(string id, string format, FileInfo? outFile, DatabaseProvider? provider, string? connection,
        TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        await using var db = await CliDatabase.OpenAsync(provider, connection, error, ct);
        if (db is null) return Unusable;
        StudyExportFile file;
        try
        {
            file = await Studies(db).ExportAsync(id, format, null, "gem CLI (" + Environment.UserName + ")", ct);
        }
        catch (NotFoundException)
        {
            await error.WriteLineAsync($"Geen onderzoek met id '{id}'. / No study with id '{id}'.");
            return Rejected;
        }
        if (outFile is null) await output.WriteAsync(file.Content.EndsWith('\n') ? file.Content : file.Content + "\n");
        else
        {
            try
            {
                await File.WriteAllTextAsync(outFile.FullName, file.Content, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Kan niet schrijven naar {outFile.FullName} / Cannot write to {outFile.FullName}: {e.Message}");
                return Unusable;
            }
            await output.WriteLineAsync($"Geschreven: {outFile.FullName} / Written: {outFile.FullName}");
        }
        return Valid;
    }

    private static async Task WriteErrorsAsync(StudyProtocolResult result, TextWriter error)
    {
        foreach (var e in result.Errors) await error.WriteLineAsync(e.ToString());
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Protocol afgewezen: {result.Errors.Count} fout(en). / Protocol rejected: {result.Errors.Count} error(s)."));
    }

    public static async Task<int> CheckAsync(FileInfo file, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (!file.Exists)
        {
            await error.WriteLineAsync($"Bestand niet gevonden: {file.FullName} / File not found: {file.FullName}");
            return Unusable;
        }
        var result = DiaryStudyProtocols.Parse(await File.ReadAllTextAsync(file.FullName, ct));
        if (result.Protocol is not { } p)
        {
            await WriteErrorsAsync(result, error);
            return Rejected;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{p.Id}: {p.Days} days × {p.PerDay} moments, {p.WakeFrom:HH\\:mm}–{p.WakeUntil:HH\\:mm}, gap {p.MinGapMinutes} min, expiry {p.ExpiryMinutes} min; items: {string.Join(", ", p.Items.Concat(p.ExtraItems.Select(x => x.Id)))}."));
        return Valid;
    }
}
