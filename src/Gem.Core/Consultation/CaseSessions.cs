using Gem.Core.Common;
using System.Text.RegularExpressions;
using Gem.Core.Data;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consultation;

/// <summary>
/// Recurring case sessions (ECHO style): planned in the calendar (.ics), cases brought in de-identified from answered
/// requests, and a summary afterwards that must not identify anyone (<see cref="Deidentified"/>).
/// </summary>
public sealed partial class CaseSessions(GemDbContext db, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public Task<List<CaseSession>> ComingAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        return db.Set<CaseSession>().AsNoTracking().Where(s => s.End > now).OrderBy(s => s.Start).ToListAsync(ct);
    }

    public Task<List<CaseSession>> AllAsync(CancellationToken ct = default) =>
        db.Set<CaseSession>().AsNoTracking().OrderByDescending(s => s.Start).Take(200).ToListAsync(ct);

    /// <summary>Plans <paramref name="count"/> sessions, one every <paramref name="everyDays"/> days from <paramref name="start"/>.</summary>
    public async Task<List<CaseSession>> PlanAsync(string title, DateTimeOffset start, TimeSpan length, string? place, int count = 1, int everyDays = 14, CancellationToken ct = default)
    {
        var t = title?.Trim();
        if (string.IsNullOrEmpty(t) || t.Length > ConsultationLimits.Title) throw new ValidationException("Title", "Give the session a title.");
        if (length <= TimeSpan.Zero || length > TimeSpan.FromHours(8)) throw new ValidationException("Length", "Between 1 minute and 8 hours.");
        if (count is < 1 or > 52 || everyDays is < 1 or > 90) throw new ValidationException("Count", "1–52 sessions, 1–90 days apart.");
        if (place is { Length: > ConsultationLimits.Title }) throw new ValidationException("Place", $"At most {ConsultationLimits.Title} characters.");
        var sessions = Enumerable.Range(0, count).Select(i => new CaseSession
        {
            Title = t, Start = start.AddDays(everyDays * i), End = start.AddDays(everyDays * i) + length, Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim(),
        }).ToList();
        db.Set<CaseSession>().AddRange(sessions);
        await db.SaveChangesAsync(ct);
        return sessions;
    }

    /// <summary>The summary afterwards; refused when it contains something that identifies a person.</summary>
    public async Task SummariseAsync(Guid sessionId, string? summary, CancellationToken ct = default)
    {
        var session = await db.Set<CaseSession>().FirstOrDefaultAsync(s => s.Id == sessionId, ct) ?? throw new NotFoundException("Session not found.");
        var text = summary?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ConsultationLimits.Text) throw new ValidationException("Summary", "Write the summary.");
        if (session.Start > clock.GetUtcNow()) throw new ConflictException("The summary is written after the session.");
        if (!Deidentified(text)) throw new ValidationException("Summary", "Remove names, addresses, e-mail addresses, phone numbers and dates of birth.");
        session.Summary = text;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A mechanical check that a public or shared text carries no obvious identifier: no e-mail address, phone number,
    /// postcode with letters, BSN-like nine digits, date or web address. It cannot find every name; the specialist
    /// approves the text and stays responsible.
    /// </summary>
    public static bool Deidentified(string text) => !Identifier().IsMatch(text);

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+|(\+31|\b0)[\s-]?\d([\s-]?\d){8}\b|\b\d{4}\s?[A-Za-z]{2}\b|\b\d{9}\b|\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b|https?://|www\.", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    public static string Ics(IEnumerable<CaseSession> sessions)
    {
        var calendar = new Calendar { ProductId = "-//Gem//Consultation//NL" };
        calendar.AddProperty("X-WR-CALNAME", "Gem casusbesprekingen");
        foreach (var s in sessions)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = s.Id + "@gem-consultation",
                Summary = s.Title,
                Description = "Casusbespreking van de consultatiepool (Gem): korte les en twee casussen zonder namen.",
                Location = s.Place,
                DtStart = new CalDateTime(s.Start.UtcDateTime, "UTC"),
                DtEnd = new CalDateTime(s.End.UtcDateTime, "UTC"),
                DtStamp = new CalDateTime(s.Start.UtcDateTime, "UTC"),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
