using System.Globalization;
using System.Text;
using System.Text.Json;
using Gem.Core.Dashboard;
using Gem.Monitor.Disclosure;

namespace Gem.Core.Diary.Research;

/// <summary>
/// One participant's moment answered in time, as the study export reads it: who (only to count persons, never written
/// out), when, the context and the study's 1–7 values by item id.
/// </summary>
public sealed record StudyAnswer(Guid Person, DateTimeOffset PlannedAt, DiaryCompany? Company, DiaryPlace? Place, DiaryActivity? Activity, IReadOnlyDictionary<string, int> Values);

/// <summary>One line of a study's aggregate export: an item's mean in one context category, with its persons and moments.</summary>
public sealed record StudyExportRow(string Item, string Dimension, string Category, Figure Persons, Figure Moments, Figure Mean);

/// <summary>
/// A study's aggregate export (decision 804): per 1–7 item (the diary's five sliders the protocol uses and its extra items),
/// overall and per with whom / where / doing what / part of the day, the number of persons, of moments and the mean of
/// the persons' own means with a 95% interval (each person counts once, however many moments they gave). The monitor's
/// disclosure control decides what is shown: under 10 persons a line shows "&lt; 10" and no mean; counts are rounded
/// to 5. Never single moments, words or identities: the rows hold none. Only moments answered in time, no test prompts.
/// </summary>
public static class DiaryStudyExport
{
    public const string All = "all";
    private static readonly string[] Sliders = ["cheerful", "down", "anxious", "relaxed", "irritated"];

    /// <summary>A diary moment as an answer for the export; null when it does not count (not answered in time, a test prompt).</summary>
    public static StudyAnswer? From(DiaryMoment m, IReadOnlyDictionary<string, int>? extraValues = null)
    {
        if (m.IsTest || m.AnsweredAt is null || m.Late) return null;
        var values = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(string item, int? v) { if (v is { } x) values[item] = x; }
        Add("cheerful", m.Cheerful); Add("down", m.Down); Add("anxious", m.Anxious); Add("relaxed", m.Relaxed); Add("irritated", m.Irritated);
        foreach (var (k, v) in extraValues ?? new Dictionary<string, int>()) values[k] = v;
        return new StudyAnswer(m.OwnerId, m.PlannedAt, m.Company, m.Place, m.Activity, values);
    }

    public static IReadOnlyList<StudyExportRow> Compute(DiaryStudyProtocol protocol, IEnumerable<StudyAnswer> answers, DisclosureControl rules)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(rules);
        var list = answers.ToList();
        var items = protocol.Items.Where(i => Sliders.Contains(i, StringComparer.Ordinal)).Concat(protocol.ExtraItems.Select(e => e.Id)).ToList();
        var groupings = new (string Dimension, Func<StudyAnswer, string?> Category)[]
        {
            (All, _ => All),
            (DiaryWeek.Company, a => a.Company?.ToString()),
            (DiaryWeek.Place, a => a.Place?.ToString()),
            (DiaryWeek.Activity, a => a.Activity?.ToString()),
            (DiaryWeek.TimeOfDay, a => DiaryWeek.PartOfDay(a.PlannedAt)),
        };
        var rows = new List<StudyExportRow>();
        foreach (var item in items)
        {
            var withItem = list.Where(a => a.Values.ContainsKey(item)).ToList();
            foreach (var (dimension, category) in groupings)
            {
                foreach (var group in withItem.Where(a => category(a) is not null).GroupBy(a => category(a)!).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var personMeans = group.GroupBy(a => a.Person).Select(p => p.Average(a => (double)a.Values[item])).ToList();
                    if (!rules.CanPublish(personMeans.Count))
                    {
                        rows.Add(new(item, dimension, group.Key, Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons), Figure.Small(rules.Rules.MinimumPersons)));
                        continue;
                    }
                    var mean = DiaryWeek.Interval(group.Key, personMeans);
                    rows.Add(new(item, dimension, group.Key, Figure.Count(personMeans.Count, rules),
                        new Figure(FigureKind.Count, rules.Round(group.LongCount())), new Figure(FigureKind.Mean, mean.Mean, mean.Low, mean.High)));
                }
            }
        }
        return rows;
    }

    public static string Csv(IReadOnlyList<StudyExportRow> rows)
    {
        var sb = new StringBuilder("item,dimension,category,persons,moments,mean,low,high\n");
        foreach (var r in rows)
        {
            var mean = r.Mean.Kind == FigureKind.Mean
                ? string.Create(CultureInfo.InvariantCulture, $"{r.Mean.Value:0.00},{r.Mean.Low:0.00},{r.Mean.High:0.00}")
                : $"{r.Mean},,";
            sb.Append(CultureInfo.InvariantCulture, $"{r.Item},{r.Dimension},{r.Category},{r.Persons},{r.Moments},{mean}\n");
        }
        return sb.ToString();
    }

    public static string Json(DiaryStudyProtocol protocol, IReadOnlyList<StudyExportRow> rows) => JsonSerializer.Serialize(new
    {
        study = protocol.Id,
        title = protocol.Title,
        note = "Aggregates only: lines resting on fewer than 10 persons show \"< 10\" and no mean; counts rounded to 5.",
        rows = rows.Select(r => new
        {
            item = r.Item, dimension = r.Dimension, category = r.Category,
            persons = r.Persons.ToString(), moments = r.Moments.ToString(),
            mean = r.Mean.Kind == FigureKind.Mean ? Math.Round(r.Mean.Value, 2) : (double?)null,
            low = r.Mean.Kind == FigureKind.Mean ? Math.Round(r.Mean.Low, 2) : (double?)null,
            high = r.Mean.Kind == FigureKind.Mean ? Math.Round(r.Mean.High, 2) : (double?)null,
        }),
    }, new JsonSerializerOptions { WriteIndented = true });
}
