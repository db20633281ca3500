using Gem.Core.Dashboard;
using Gem.Core.Diary;
using Gem.Core.Diary.Research;
using Gem.Monitor.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Tests.Diary;

/// <summary>Research use: a protocol file checked with line and column, all or nothing; the aggregate export under the monitor's disclosure control.</summary>
public sealed class DiaryStudyTests
{
    public const string Good = """
        {
          "id": "ontspanning-2027",
          "title": "Ontspanning in de wijk",
          "schedule": { "days": 7, "momentsPerDay": 6, "from": "09:00", "until": "21:00", "minGapMinutes": 45, "expiryMinutes": 20 },
          "items": ["cheerful", "relaxed", "place", "company"],
          "extraItems": [ { "id": "pain", "textNl": "Hoeveel pijn heb je nu?", "lowNl": "geen", "highNl": "heel veel" } ]
        }
        """;

    [Fact]
    public void Parse_AGoodProtocol_GivesItsScheduleAndItems()
    {
        var result = DiaryStudyProtocols.Parse(Good);
        Assert.Empty(result.Errors);
        var p = result.Protocol!;
        Assert.Equal(("ontspanning-2027", 7, 6, new TimeOnly(9, 0), new TimeOnly(21, 0), 45, 20), (p.Id, p.Days, p.PerDay, p.WakeFrom, p.WakeUntil, p.MinGapMinutes, p.ExpiryMinutes));
        Assert.Equal(["cheerful", "relaxed", "place", "company"], p.Items);
        Assert.Equal("pain", Assert.Single(p.ExtraItems).Id);
    }

    [Fact]
    public void Parse_BrokenJson_SaysLineAndColumn_AndGivesNoProtocol()
    {
        var result = DiaryStudyProtocols.Parse("{\n  \"id\": \"x\",\n  \"title\" \"no colon\"\n}");
        Assert.Null(result.Protocol);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(11, error.Column);
        Assert.StartsWith("line 3, column 11", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryBadValue_IsReportedAtItsOwnLineAndColumn_AllOrNothing()
    {
        var json = Good.Replace("\"days\": 7", "\"days\": 40", StringComparison.Ordinal)
            .Replace("\"09:00\"", "\"9 uur\"", StringComparison.Ordinal)
            .Replace("\"company\"]", "\"company\", \"mood\"]", StringComparison.Ordinal)
            .Replace("\"id\": \"pain\"", "\"id\": \"relaxed\"", StringComparison.Ordinal);
        var result = DiaryStudyProtocols.Parse(json);
        Assert.Null(result.Protocol);
        Assert.Equal(["$.schedule.days", "$.schedule.from", "$.items[4]", "$.extraItems[0].id"], result.Errors.Select(e => e.Path));
        var days = result.Errors[0];
        Assert.Equal((4, 25), (days.Line, days.Column)); // the value 40 on the schedule's line
        Assert.Equal(5, result.Errors[2].Line);
        Assert.Equal(6, result.Errors[3].Line);
    }

    [Fact]
    public void Parse_MissingFieldsAndAWindowTooShort_AreClearErrors()
    {
        var result = DiaryStudyProtocols.Parse("""{ "id": "Study 1", "schedule": { "days": 5, "momentsPerDay": 10, "from": "09:00", "until": "10:00", "minGapMinutes": 30, "expiryMinutes": 15 }, "items": [], "colour": "red" }""");
        Assert.Null(result.Protocol);
        var messages = result.Errors.Select(e => e.Path + ": " + e.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("$.id: The id may hold only", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("$.title: 'title' is missing", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("$.schedule.until: The window 09:00–10:00 is too short", StringComparison.Ordinal));
        Assert.Contains(messages, m => m == "$.colour: Unknown field.");
        Assert.All(result.Errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public void Parse_AWindowUnderTwoHours_IsRefused_AsEveryDiarysWould()
    {
        // Fits one moment, but a participant's diary could not start with it (DiarySchedule.Validate): refused at load, not at joining.
        var result = DiaryStudyProtocols.Parse(Good.Replace("\"momentsPerDay\": 6", "\"momentsPerDay\": 1", StringComparison.Ordinal).Replace("\"21:00\"", "\"10:30\"", StringComparison.Ordinal));
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.schedule.until", error.Path);
        Assert.StartsWith("The window must be at least 2 hours", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Protocol);
    }

    private static readonly DateTimeOffset Monday = new(2026, 6, 8, 7, 0, 0, TimeSpan.Zero); // 09:00 in Amsterdam

    private static StudyAnswer Answer(Guid person, int hour, DiaryCompany company, int relaxed, int pain) =>
        new(person, Monday.AddHours(hour), company, DiaryPlace.Home, DiaryActivity.Resting, new Dictionary<string, int> { ["relaxed"] = relaxed, ["cheerful"] = 4, ["pain"] = pain });

    [Fact]
    public void Export_MeansOfPersonMeans_SmallGroupsSuppressed_NoPersonOrMomentInIt()
    {
        var protocol = DiaryStudyProtocols.Parse(Good).Protocol!;
        var answers = new List<StudyAnswer>();
        var people = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        // Twelve persons with friends: person i answers relaxed 5 twice (one person three times, which must not weigh more).
        foreach (var p in people)
        {
            answers.Add(Answer(p, 0, DiaryCompany.Friends, 5, 2));
            answers.Add(Answer(p, 1, DiaryCompany.Friends, 5, 2));
        }
        answers.Add(Answer(people[0], 2, DiaryCompany.Friends, 5, 2));
        // Only three persons alone: too few to publish.
        foreach (var p in people.Take(3)) answers.Add(Answer(p, 3, DiaryCompany.Alone, 2, 6));

        var rows = DiaryStudyExport.Compute(protocol, answers, new DisclosureControl());
        var all = Assert.Single(rows, r => r.Item == "relaxed" && r.Dimension == DiaryStudyExport.All);
        Assert.Equal("10", all.Persons.ToString()); // 12 rounded to 5
        Assert.Equal("30", all.Moments.ToString()); // 28 rounded to 5
        Assert.Equal(FigureKind.Mean, all.Mean.Kind);
        Assert.Equal((5 * 9 + (15 + 2) / 4.0 + 2 * (12 / 3.0)) / 12, all.Mean.Value, 9); // persons with an "alone" moment weigh once each
        var friends = Assert.Single(rows, r => r.Item == "relaxed" && r.Category == nameof(DiaryCompany.Friends));
        Assert.Equal(5, friends.Mean.Value, 9);
        var alone = Assert.Single(rows, r => r.Item == "pain" && r.Category == nameof(DiaryCompany.Alone));
        Assert.Equal(("< 10", "< 10", FigureKind.Small), (alone.Persons.ToString(), alone.Moments.ToString(), alone.Mean.Kind));
        // Only the protocol's items: cheerful and relaxed of the sliders, and the extra item; not "anxious".
        Assert.Equal(["cheerful", "pain", "relaxed"], rows.Select(r => r.Item).Distinct().Order(StringComparer.Ordinal));

        var csv = DiaryStudyExport.Csv(rows);
        Assert.StartsWith("item,dimension,category,persons,moments,mean,low,high\n", csv, StringComparison.Ordinal);
        Assert.Contains("pain,company,Alone,< 10,< 10,< 10,,", csv, StringComparison.Ordinal);
        var json = DiaryStudyExport.Json(protocol, rows);
        Assert.All(people, p => Assert.DoesNotContain(p.ToString(), csv + json, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("2026-06-08", csv + json, StringComparison.Ordinal);
    }

    [Fact]
    public void From_LeavesOutLateAndTestMoments()
    {
        var m = new DiaryMoment { OwnerId = Guid.NewGuid(), PlannedAt = Monday, AnsweredAt = Monday.AddMinutes(3), Cheerful = 5, Relaxed = 6, Down = 2, Anxious = 2, Irritated = 1 };
        Assert.Equal(6, DiaryStudyExport.From(m)!.Values["relaxed"]);
        m.Late = true;
        Assert.Null(DiaryStudyExport.From(m));
        m.Late = false;
        m.IsTest = true;
        Assert.Null(DiaryStudyExport.From(m));
    }
}

/// <summary><c>gem diary-study check FILE</c>: exit codes and the listed errors.</summary>
public sealed class DiaryStudyCommandTests
{
    [Fact]
    public async Task Check_GoodBadAndMissingFiles()
    {
        var dir = Directory.CreateTempSubdirectory("gem-study-");
        try
        {
            var good = Path.Combine(dir.FullName, "good.json");
            await File.WriteAllTextAsync(good, DiaryStudyTests.Good);
            var bad = Path.Combine(dir.FullName, "bad.json");
            await File.WriteAllTextAsync(bad, DiaryStudyTests.Good.Replace("\"days\": 7", "\"days\": 0", StringComparison.Ordinal));
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Valid, await Gem.Cli.Diary.StudyCommand.CheckAsync(new FileInfo(good), output, error));
            Assert.Contains("ontspanning-2027: 7 days × 6 moments, 09:00–21:00", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Rejected, await Gem.Cli.Diary.StudyCommand.CheckAsync(new FileInfo(bad), output, error));
            Assert.Contains("line 4, column 25 ($.schedule.days): 'days' must be a whole number from 1 to 14.", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("Protocol rejected: 1 error(s).", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Unusable, await Gem.Cli.Diary.StudyCommand.CheckAsync(new FileInfo(Path.Combine(dir.FullName, "none.json")), output, error));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

/// <summary><c>gem diary-study load FILE</c> and <c>export ID</c> against a real database: all or nothing with line and column, and an export that is logged.</summary>
public sealed class DiaryStudyStorageCommandTests
{
    [Theory, MemberData(nameof(Gem.Testing.TestDatabase.Providers), MemberType = typeof(Gem.Testing.TestDatabase))]
    public async Task Load_AllOrNothing_WithLineAndColumn_ThenExportIsWrittenAndLogged(Gem.Core.Data.DatabaseProvider provider)
    {
        await using var database = await Gem.Testing.TestDatabase.CreateAsync(provider);
        var dir = Directory.CreateTempSubdirectory("gem-study-");
        try
        {
            var bad = Path.Combine(dir.FullName, "bad.json");
            // Two problems: both listed with their line and column, and nothing stored.
            await File.WriteAllTextAsync(bad, DiaryStudyTests.Good.Replace("\"days\": 7", "\"days\": 0", StringComparison.Ordinal).Replace("\"company\"]", "\"company\", \"mood\"]", StringComparison.Ordinal));
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Rejected, await Gem.Cli.Diary.StudyCommand.LoadAsync(new FileInfo(bad), provider, database.ConnectionString, output, error));
            Assert.Contains("line 4, column 25 ($.schedule.days)", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("line 5, column ", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("Protocol rejected: 2 error(s).", error.ToString(), StringComparison.Ordinal);
            await using (var db = database.CreateContext()) Assert.False(await db.Set<DiaryStudy>().AnyAsync());
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Unusable, await Gem.Cli.Diary.StudyCommand.LoadAsync(new FileInfo(Path.Combine(dir.FullName, "none.json")), provider, database.ConnectionString, output, error));

            var good = Path.Combine(dir.FullName, "good.json");
            await File.WriteAllTextAsync(good, DiaryStudyTests.Good);
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Valid, await Gem.Cli.Diary.StudyCommand.LoadAsync(new FileInfo(good), provider, database.ConnectionString, output, error));
            Assert.Contains("Study 'ontspanning-2027' loaded and open.", output.ToString(), StringComparison.Ordinal);
            // The same id again: rejected at the id's line and column, the first study unchanged.
            using var again = new StringWriter();
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Rejected, await Gem.Cli.Diary.StudyCommand.LoadAsync(new FileInfo(good), provider, database.ConnectionString, output, again));
            Assert.Contains("line 2, column 9 ($.id): A study with the id 'ontspanning-2027' is already loaded", again.ToString(), StringComparison.Ordinal);
            await using (var db = database.CreateContext()) Assert.Equal(1, await db.Set<DiaryStudy>().CountAsync());

            var file = new FileInfo(Path.Combine(dir.FullName, "export.csv"));
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Valid, await Gem.Cli.Diary.StudyCommand.ExportAsync("ontspanning-2027", "csv", file, provider, database.ConnectionString, output, error));
            // Nobody opted in: a header and nothing else.
            Assert.Equal("item,dimension,category,persons,moments,mean,low,high\n", await File.ReadAllTextAsync(file.FullName));
            Assert.Equal(Gem.Cli.Diary.StudyCommand.Rejected, await Gem.Cli.Diary.StudyCommand.ExportAsync("unknown", "csv", null, provider, database.ConnectionString, output, error));
            await using (var db = database.CreateContext())
            {
                var log = Assert.Single(await db.Set<DiaryStudyExportLog>().ToListAsync());
                Assert.Equal(("ontspanning-2027", "csv", (Guid?)null), (log.StudyId, log.Format, log.ByUserId));
                Assert.StartsWith("gem CLI (", log.By, StringComparison.Ordinal);
            }
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
