using System.Collections.Concurrent;
using Gem.Core.Atlas;
using Gem.Core.Data;

namespace Gem.Core.Groups;

/// <summary>
/// The "full" answer's alternatives (<see cref="GroupAlternatives"/>) kept per set of life domains, so a rush on full
/// groups does not query the catalogue for every refused request (issue 17). One entry holds one alternative more than an
/// answer gives, with no offer left out; the answer for a full offer is that list without the offer itself. So a national
/// rush over 500 offers computes once per domain set, not once per offer. An entry lives at most <see cref="MaxAge"/>, and every entry
/// goes as soon as this instance sees seats or sessions change in a way that can add an alternative (a seat freed, a
/// session added, moved or called off: <see cref="Invalidate"/>). An alternative that has filled up meanwhile is harmless:
/// enrolling there is again decided by the database, and its 409 carries fresh alternatives after at most MaxAge.
/// One per host (singleton); the demo history and tests without a host compute every time.
/// </summary>
public sealed class AlternativesCache(TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);

    private sealed record Entry(IReadOnlyList<Alternative> Alternatives, DateTimeOffset At, long Version);

    private readonly ConcurrentDictionary<LifeDomains, Entry> _entries = new();
    private long _version;

    /// <summary>How many answers were computed (not served from the cache): for tests and the bench.</summary>
    public long Computed => Interlocked.Read(ref _computed);
    private long _computed;

    /// <summary>The alternatives for a full <paramref name="offer"/>, from the cache when fresh.</summary>
    public async Task<IReadOnlyList<Alternative>> GetAsync(GemDbContext db, Offer offer, CancellationToken ct = default, int max = 5)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var now = clock.GetUtcNow();
        var version = Interlocked.Read(ref _version);
        if (!(_entries.TryGetValue(offer.LifeDomains, out var entry) && entry.Version == version && now - entry.At < MaxAge && now >= entry.At))
        {
            entry = new Entry(await new GroupAlternatives(db).FindAsync(offer.LifeDomains, exclude: null, now, ct, max + 1), now, version);
            Interlocked.Increment(ref _computed);
            _entries[offer.LifeDomains] = entry;
        }
        return [.. entry.Alternatives.Where(a => a.OfferId != offer.Id).Take(max)];
    }

    /// <summary>Drops every entry: seats were freed or sessions changed, so something new may start soon.</summary>
    public void Invalidate() => Interlocked.Increment(ref _version);
}
