using System.CommandLine;
using System.Globalization;
using Gem.Core.Diary.Research;

namespace Gem.Cli.Diary;

/// <summary>
/// <c>gem diary-study check FILE</c>: reads a research protocol (JSON, docs/diary.md "Research use") and lists every
/// problem with its line and column, as <c>gem import offers</c> does. Exit code 0 = the protocol is valid, 1 = it is
/// rejected (errors listed), 2 = the file could not be read.
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
        var study = new Command("diary-study", "Research protocols for the diary (opt-in studies).");
        study.Subcommands.Add(check);
        return study;
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
            foreach (var e in result.Errors) await error.WriteLineAsync(e.ToString());
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Protocol afgewezen: {result.Errors.Count} fout(en). / Protocol rejected: {result.Errors.Count} error(s)."));
            return Rejected;
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{p.Id}: {p.Days} days × {p.PerDay} moments, {p.WakeFrom:HH\\:mm}–{p.WakeUntil:HH\\:mm}, gap {p.MinGapMinutes} min, expiry {p.ExpiryMinutes} min; items: {string.Join(", ", p.Items.Concat(p.ExtraItems.Select(x => x.Id)))}."));
        return Valid;
    }
}
