using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Groups;

/// <summary>
/// Staff add and remove the sessions of their own offers. A foreign offer or session answers "not found", as in
/// <see cref="OfferEditor"/>. The cohort-start flag is the staff's; when they do not say, <see cref="Seats.DefaultCohortStart"/>.
/// </summary>
public sealed class SessionEditor(GemDbContext db, TimeProvider clock)
{
    public async Task<Session> AddSessionAsync(Actor actor, Guid offerId, SessionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var offer = await new OfferEditor(db, clock).FindOwnAsync(actor, offerId, ct);
        var now = clock.GetUtcNow();
        input.EnsureValid(now);
        var start = input.Start.ToUniversalTime();
        var session = new Session
        {
            OfferId = offer.Id,
            Start = start,
            End = input.End.ToUniversalTime(),
            Place = input.Place?.Trim(),
            OnlineUrl = input.OnlineUrl?.Trim(),
            Seats = input.Seats,
            IsCohortStart = input.IsCohortStart ?? await DefaultCohortStartAsync(offer, start, ct),
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>What the cohort-start flag of a new session at <paramref name="start"/> is when staff do not say.</summary>
    public async Task<bool> DefaultCohortStartAsync(Offer offer, DateTimeOffset start, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var now = clock.GetUtcNow();
        var running = await db.Sessions.AnyAsync(s => s.OfferId == offer.Id && s.End > now && s.Start < start, ct);
        return Seats.DefaultCohortStart(offer.FlowPolicy, running);
    }

    public async Task DeleteSessionAsync(Actor actor, Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.Sessions.Include(s => s.Offer).FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || !actor.MayManage(session.Offer!.PartnerId)) throw new NotFoundException("Session not found.");
        db.Sessions.Remove(session);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A new session; <paramref name="IsCohortStart"/> null means <see cref="Seats.DefaultCohortStart"/>.</summary>
public sealed record SessionInput(DateTimeOffset Start, DateTimeOffset End, string? Place, string? OnlineUrl, int? Seats, bool? IsCohortStart = null)
{
    public void EnsureValid(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (End <= Start) errors[nameof(End)] = ["A session ends after it starts."];
        if (End - Start > TimeSpan.FromHours(24)) errors[nameof(End)] = ["A session lasts at most 24 hours."];
        if (Start < now.AddDays(-1)) errors[nameof(Start)] = ["A new session cannot lie in the past."];
        if (Seats is <= 0 or > 10000) errors[nameof(Seats)] = ["Seats is a whole number from 1 to 10000, or empty for the offer's capacity."];
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}
