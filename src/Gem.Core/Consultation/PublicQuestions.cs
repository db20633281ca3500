using Gem.Core.Common;
using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.Groups;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Consultation;

/// <summary>
/// The E-spreekuur: anyone asks in public without an account (a secret link shows them the answer); a specialist of
/// the pool answers; the specialist may publish a de-identified version (checked by <see cref="CaseSessions.Deidentified"/>)
/// into the library, searchable by life domain and words. Only published texts are ever shown to others.
/// </summary>
public sealed class PublicQuestions(GemDbContext db, ConsultationPool pool, TimeProvider clock)
{
    public async Task<PublicQuestion> AskAsync(string? question, LifeDomains domains, CancellationToken ct = default)
    {
        var text = question?.Trim();
        if (ConsultationService.CrisisPhrase(text) is { } phrase) throw new CrisisException(phrase);
        if (string.IsNullOrEmpty(text)) throw new ValidationException("Question", "Write your question.");
        if (text.Length > ConsultationLimits.Text) throw new ValidationException("Question", $"At most {ConsultationLimits.Text} characters.");
        var q = new PublicQuestion { Token = Tokens.New(), Question = text, Domains = domains & AllDomains, AskedAt = clock.GetUtcNow() };
        db.Set<PublicQuestion>().Add(q);
        await db.SaveChangesAsync(ct);
        return q;
    }

    private static readonly LifeDomains AllDomains = Enum.GetValues<LifeDomains>().Aggregate(LifeDomains.None, (a, b) => a | b);

    public async Task<PublicQuestion> ByTokenAsync(string token, CancellationToken ct = default) =>
        await db.Set<PublicQuestion>().AsNoTracking().FirstOrDefaultAsync(q => q.Token == token, ct) ?? throw new NotFoundException("Not found.");

    /// <summary>For specialists of the pool: questions waiting for an answer, and answered ones not yet published.</summary>
    public async Task<List<PublicQuestion>> WorkAsync(Guid specialistUserId, CancellationToken ct = default)
    {
        _ = await RequireSpecialistAsync(specialistUserId, ct);
        return await db.Set<PublicQuestion>().AsNoTracking().Where(q => q.PublishedAt == null).OrderBy(q => q.AskedAt).Take(100).ToListAsync(ct);
    }

    public async Task<PublicQuestion> GetForSpecialistAsync(Guid specialistUserId, Guid id, CancellationToken ct = default)
    {
        _ = await RequireSpecialistAsync(specialistUserId, ct);
        return await db.Set<PublicQuestion>().AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct) ?? throw new NotFoundException("Not found.");
    }

    public async Task AnswerAsync(Guid specialistUserId, Guid id, string? answer, CancellationToken ct = default)
    {
        var specialist = await RequireSpecialistAsync(specialistUserId, ct);
        var q = await db.Set<PublicQuestion>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Not found.");
        var text = answer?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ConsultationLimits.Text) throw new ValidationException("Answer", "Write the answer.");
        q.Answer = text;
        q.AnsweredAt = clock.GetUtcNow();
        q.AnsweredBySpecialistId = specialist.Id;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Approves a de-identified question and answer for the library.</summary>
    public async Task PublishAsync(Guid specialistUserId, Guid id, string? question, string? answer, CancellationToken ct = default)
    {
        _ = await RequireSpecialistAsync(specialistUserId, ct);
        var q = await db.Set<PublicQuestion>().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("Not found.");
        if (q.Answer is null) throw new ConflictException("Answer the question first.");
        var errors = new Dictionary<string, string[]>();
        string? Check(string? text, string field)
        {
            var t = text?.Trim();
            if (string.IsNullOrEmpty(t) || t.Length > ConsultationLimits.Text) errors[field] = ["Write the text."];
            else if (!CaseSessions.Deidentified(t)) errors[field] = ["Remove names, addresses, e-mail addresses, phone numbers and dates."];
            return t;
        }
        var pq = Check(question, "PublishedQuestion");
        var pa = Check(answer, "PublishedAnswer");
        if (errors.Count > 0) throw new ValidationException(errors);
        q.PublishedQuestion = pq;
        q.PublishedAnswer = pa;
        q.PublishedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The library: published questions, newest first, filtered by life domain (in SQL) and words (in the published texts only, over the newest 500).</summary>
    public async Task<List<PublicQuestion>> LibraryAsync(LifeDomains? domain, string? words, CancellationToken ct = default)
    {
        var q = db.Set<PublicQuestion>().AsNoTracking().Where(x => x.PublishedAt != null);
        if (domain is { } d && d != LifeDomains.None) q = q.Where(x => (x.Domains & d) != 0);
        var rows = await q.OrderByDescending(x => x.PublishedAt).Take(500).ToListAsync(ct);
        var terms = (words ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return rows.Where(x => terms.All(t => (x.PublishedQuestion + " " + x.PublishedAnswer).Contains(t, StringComparison.OrdinalIgnoreCase))).Take(100).ToList();
    }

    private async Task<Specialist> RequireSpecialistAsync(Guid userId, CancellationToken ct) =>
        await pool.OfUserAsync(userId, ct) ?? throw new NotFoundException("Not found.");
}
