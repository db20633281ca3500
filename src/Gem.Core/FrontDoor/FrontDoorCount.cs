using Gem.Core.Atlas;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.FrontDoor;

/// <summary>What an anonymous count counts.</summary>
public enum CountKind
{
    /// <summary>A life domain chosen in a conversation; Key = the LifeDomains flag name.</summary>
    DomainChosen = 1,
    /// <summary>Someone started (enrolled) through the front door; Key = the sector.</summary>
    SectorStarted = 2,
    /// <summary>
    /// No longer written (decision 503): days from the first visit to the first session enrolled for. The enrolment now
    /// keeps the visit day, so the dashboard measures to the first session attended. Kept so old rows still read.
    /// </summary>
    DaysToFirstSession = 3,
    /// <summary>A conversation reached its results; Key = "all" or "crisis".</summary>
    Conversation = 4,
}

/// <summary>
/// One anonymous counter per day, kind and key. This is all the front door keeps: no answer, no free text,
/// no address, no identifier of a person or a browser — only how many times something happened on a day.
/// </summary>
public class FrontDoorCount
{
    public DateOnly Day { get; set; }
    public CountKind Kind { get; set; }
    public required string Key { get; set; }
    public int Count { get; set; }
}

internal sealed class FrontDoorCountConfiguration : IEntityTypeConfiguration<FrontDoorCount>
{
    public void Configure(EntityTypeBuilder<FrontDoorCount> b)
    {
        b.HasKey(c => new { c.Day, c.Kind, c.Key });
        b.Property(c => c.Key).HasMaxLength(40);
    }
}

/// <summary>Adds to the anonymous counters: one atomic UPDATE, or an INSERT when the counter is new (retried once on a race).</summary>
public sealed class FrontDoorCounter(GemDbContext db, TimeProvider clock)
{
    public async Task AddAsync(IEnumerable<(CountKind Kind, string Key)> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var day = LocalTime.Day(clock.GetUtcNow());
        foreach (var group in events.GroupBy(e => e))
        {
            await AddOneAsync(day, group.Key.Kind, group.Key.Key, group.Count(), ct).ConfigureAwait(false);
        }
    }

    private async Task AddOneAsync(DateOnly day, CountKind kind, string key, int n, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var updated = await db.Set<FrontDoorCount>().Where(c => c.Day == day && c.Kind == kind && c.Key == key)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Count, c => c.Count + n), ct).ConfigureAwait(false);
            if (updated > 0) return;
            var row = new FrontDoorCount { Day = day, Kind = kind, Key = key, Count = n };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Someone else inserted the same counter a moment ago: add to theirs.
                db.Entry(row).State = EntityState.Detached;
            }
        }
    }
}
