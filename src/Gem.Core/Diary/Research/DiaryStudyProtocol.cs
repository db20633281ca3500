using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Gem.Core.Diary.Research;

/// <summary>An extra question of a study: a 1–7 slider with a Dutch (and optionally English) text and its two ends.</summary>
public sealed record StudyExtraItem(string Id, string TextNl, string? TextEn, string LowNl, string HighNl);

/// <summary>
/// A research study's protocol (docs/diary.md "Research use"): which of the diary's own items it uses, up to
/// <see cref="DiaryStudyProtocols.MaxExtraItems"/> extra 1–7 items, and the schedule every participant gets.
/// Loaded only through <see cref="DiaryStudyProtocols.Parse"/>, which checks all of it.
/// </summary>
public sealed record DiaryStudyProtocol(
    string Id, string Title, int Days, int PerDay, TimeOnly WakeFrom, TimeOnly WakeUntil, int MinGapMinutes, int ExpiryMinutes,
    IReadOnlyList<string> Items, IReadOnlyList<StudyExtraItem> ExtraItems);

/// <summary>One problem in a protocol file: where (1-based line and column, and the JSON path) and what.</summary>
public sealed record StudyProtocolError(int Line, int Column, string Path, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column} ({Path}): {Message}");
}

/// <summary>The outcome of reading a protocol: the protocol, or every error found (never both: all or nothing).</summary>
public sealed record StudyProtocolResult(DiaryStudyProtocol? Protocol, IReadOnlyList<StudyProtocolError> Errors)
{
    public bool IsValid => Protocol is not null;
}

/// <summary>
/// Reads and checks a study protocol (JSON). A broken file gives the parser's line and column; a well-formed file is
/// checked field by field and every problem is reported with the line and column of the value at fault. Pure: no I/O.
/// </summary>
public static class DiaryStudyProtocols
{
    public const int MaxExtraItems = 5;
    public const int MaxDays = 14, MaxPerDay = 12, MaxExpiryMinutes = 120;

    /// <summary>The diary's own items a study may use (the moment's form, <see cref="DiaryMoment"/>).</summary>
    public static readonly IReadOnlyList<string> OwnItems = ["cheerful", "down", "anxious", "relaxed", "irritated", "place", "company", "activity", "ratherElse", "word"];

    public static StudyProtocolResult Parse(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Dictionary<string, (int Line, int Column)> positions;
        JsonDocument document;
        try
        {
            positions = Positions(bytes);
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return new(null, [new((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, e.Path ?? "$", "The file is not valid JSON: " + FirstSentence(e.Message))]);
        }
        using (document)
        {
            var errors = new List<StudyProtocolError>();
            var check = new Checker(positions, errors);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                check.Fail("$", "The protocol must be a JSON object.");
                return new(null, errors);
            }
            var id = check.Text(root, "$", "id", 64);
            if (id is not null && !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                check.Fail("$.id", "The id may hold only a–z, 0–9 and '-'.");
            var title = check.Text(root, "$", "title", 200);
            var schedule = check.Object(root, "$", "schedule");
            int days = 0, perDay = 0, minGap = 0, expiry = 0;
            TimeOnly from = default, until = default;
            if (schedule is { } s)
            {
                days = check.Int(s, "$.schedule", "days", 1, MaxDays) ?? 0;
                perDay = check.Int(s, "$.schedule", "momentsPerDay", 1, MaxPerDay) ?? 0;
                minGap = check.Int(s, "$.schedule", "minGapMinutes", 0, 240) ?? 0;
                expiry = check.Int(s, "$.schedule", "expiryMinutes", 5, MaxExpiryMinutes) ?? 0;
                var f = check.Time(s, "$.schedule", "from");
                var u = check.Time(s, "$.schedule", "until");
                if (f is not null && u is not null)
                {
                    (from, until) = (f.Value, u.Value);
                    if (until <= from) check.Fail("$.schedule.until", "'until' must be later than 'from'.");
                    else if (perDay > 0 && (until - from).TotalMinutes < perDay * Math.Max(minGap, 1))
                        check.Fail("$.schedule.until", string.Create(CultureInfo.InvariantCulture,
                            $"The window {from:HH\\:mm}–{until:HH\\:mm} is too short for {perDay} moments at least {minGap} minutes apart."));
                    // The diary a participant starts must pass the diary's own rules (DiarySchedule.Validate), or joining would fail.
                    else if (until.ToTimeSpan() - from.ToTimeSpan() < DiarySchedule.MinWindow)
                        check.Fail("$.schedule.until", string.Create(CultureInfo.InvariantCulture, $"The window must be at least {DiarySchedule.MinWindow.TotalHours:0} hours, as every diary's."));
                }
            }
            var items = new List<string>();
            if (check.Array(root, "$", "items") is { } itemArray)
            {
                var i = 0;
                foreach (var item in itemArray.EnumerateArray())
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"$.items[{i++}]");
                    if (item.ValueKind != JsonValueKind.String || !OwnItems.Contains(item.GetString()!, StringComparer.Ordinal))
                        check.Fail(path, "Unknown item; use one of: " + string.Join(", ", OwnItems) + ".");
                    else if (items.Contains(item.GetString()!, StringComparer.Ordinal)) check.Fail(path, "This item is listed twice.");
                    else items.Add(item.GetString()!);
                }
            }
            var extras = new List<StudyExtraItem>();
            if (root.TryGetProperty("extraItems", out var extraArray))
            {
                if (extraArray.ValueKind != JsonValueKind.Array) check.Fail("$.extraItems", "'extraItems' must be a list.");
                else
                {
                    if (extraArray.GetArrayLength() > MaxExtraItems)
                        check.Fail("$.extraItems", string.Create(CultureInfo.InvariantCulture, $"At most {MaxExtraItems} extra items: a moment stays about a minute."));
                    var i = 0;
                    foreach (var extra in extraArray.EnumerateArray())
                    {
                        var path = string.Create(CultureInfo.InvariantCulture, $"$.extraItems[{i++}]");
                        if (extra.ValueKind != JsonValueKind.Object) { check.Fail(path, "An extra item must be an object."); continue; }
                        var extraId = check.Text(extra, path, "id", 40);
                        if (extraId is not null && (OwnItems.Contains(extraId, StringComparer.Ordinal) || extras.Any(e => e.Id == extraId)))
                            check.Fail(path + ".id", "This id is already used.");
                        var nl = check.Text(extra, path, "textNl", 200);
                        var en = check.Text(extra, path, "textEn", 200, required: false);
                        var low = check.Text(extra, path, "lowNl", 40);
                        var high = check.Text(extra, path, "highNl", 40);
                        if (extraId is not null && nl is not null && low is not null && high is not null) extras.Add(new(extraId, nl, en, low, high));
                    }
                }
            }
            if (items.Count + extras.Count == 0 && errors.Count == 0) check.Fail("$.items", "A study needs at least one item.");
            foreach (var property in root.EnumerateObject())
                if (property.Name is not ("id" or "title" or "schedule" or "items" or "extraItems" or "$schema"))
                    check.Fail("$." + property.Name, "Unknown field.");
            if (errors.Count > 0) return new(null, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
            return new(new DiaryStudyProtocol(id!, title!, days, perDay, from, until, minGap, expiry, items, extras), []);
        }
    }

    /// <summary>The 1-based line and column of the value at a JSON path (e.g. "$.id") of a well-formed file; (1, 1) when absent.</summary>
    public static (int Line, int Column) Locate(string json, string path) =>
        Positions(Encoding.UTF8.GetBytes(json)).TryGetValue(path, out var p) ? p : (1, 1);

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(". ", StringComparison.Ordinal);
        return i < 0 ? message : message[..(i + 1)];
    }

    /// <summary>The 1-based line and column of every value in the file, by JSON path ("$.schedule.days", "$.items[2]").</summary>
    private static Dictionary<string, (int, int)> Positions(byte[] bytes)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++) if (bytes[i] == (byte)'\n') lineStarts.Add(i + 1);
        (int, int) At(long index)
        {
            var line = lineStarts.BinarySearch((int)index);
            if (line < 0) line = ~line - 1;
            return (line + 1, Encoding.UTF8.GetCharCount(bytes, lineStarts[line], (int)index - lineStarts[line]) + 1);
        }
        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var stack = new Stack<(bool IsArray, string Path, int Index)>();
        string? property = null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName) { property = reader.GetString(); result[Child()] = At(reader.TokenStartIndex); continue; }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) { stack.Pop(); continue; }
            var path = Child();
            result[path] = At(reader.TokenStartIndex);
            if (stack.Count > 0 && stack.Peek().IsArray) { var top = stack.Pop(); stack.Push(top with { Index = top.Index + 1 }); }
            if (reader.TokenType == JsonTokenType.StartObject) stack.Push((false, path, 0));
            else if (reader.TokenType == JsonTokenType.StartArray) stack.Push((true, path, 0));
        }
        return result;

        string Child()
        {
            if (stack.Count == 0) return "$";
            var top = stack.Peek();
            return top.IsArray ? string.Create(CultureInfo.InvariantCulture, $"{top.Path}[{top.Index}]") : top.Path + "." + property;
        }
    }

    private sealed class Checker(Dictionary<string, (int Line, int Column)> positions, List<StudyProtocolError> errors)
    {
        public void Fail(string path, string message)
        {
            var (line, column) = positions.TryGetValue(path, out var p) ? p : Parent(path);
            errors.Add(new(line, column, path, message));
        }

        private (int, int) Parent(string path)
        {
            while (true)
            {
                var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
                if (cut <= 0) return positions.TryGetValue("$", out var root) ? root : (1, 1);
                path = path[..cut];
                if (positions.TryGetValue(path, out var p)) return p;
            }
        }

        public string? Text(JsonElement parent, string at, string name, int maxLength, bool required = true)
        {
            var path = at + "." + name;
            if (!parent.TryGetProperty(name, out var v)) { if (required) Fail(path, $"'{name}' is missing."); return null; }
            if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString())) { Fail(path, $"'{name}' must be a text."); return null; }
            var s = v.GetString()!.Trim();
            if (s.Length > maxLength) { Fail(path, string.Create(CultureInfo.InvariantCulture, $"'{name}' is longer than {maxLength} characters.")); return null; }
            return s;
        }

        public int? Int(JsonElement parent, string at, string name, int min, int max)
        {
            var path = at + "." + name;
            if (!parent.TryGetProperty(name, out var v)) { Fail(path, $"'{name}' is missing."); return null; }
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n) || n < min || n > max)
            {
                Fail(path, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number from {min} to {max}."));
                return null;
            }
            return n;
        }

        public TimeOnly? Time(JsonElement parent, string at, string name)
        {
            var path = at + "." + name;
            if (!parent.TryGetProperty(name, out var v)) { Fail(path, $"'{name}' is missing."); return null; }
            if (v.ValueKind == JsonValueKind.String && TimeOnly.TryParseExact(v.GetString(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
            Fail(path, $"'{name}' must be a time as HH:mm, e.g. \"08:30\".");
            return null;
        }

        public JsonElement? Object(JsonElement parent, string at, string name)
        {
            var path = at + "." + name;
            if (!parent.TryGetProperty(name, out var v)) { Fail(path, $"'{name}' is missing."); return null; }
            if (v.ValueKind != JsonValueKind.Object) { Fail(path, $"'{name}' must be an object."); return null; }
            return v;
        }

        public JsonElement? Array(JsonElement parent, string at, string name)
        {
            var path = at + "." + name;
            if (!parent.TryGetProperty(name, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Array) { Fail(path, $"'{name}' must be a list."); return null; }
            return v;
        }
    }
}
