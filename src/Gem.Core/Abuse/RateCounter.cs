using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Gem.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gem.Core.Abuse;

/// <summary>
/// One fixed-window counter of an abuse limit (decision 621): the key is the rule, a hash of what is counted (an IP
/// address, an e-mail address, a session) and the number of the window, so a new window simply starts a new row.
/// Kept in the database so every web instance counts against the same number.
/// </summary>
public class RateCounter
{
    public required string Key { get; set; }
    public int Count { get; set; }
    /// <summary>Unix seconds at which the window ends; rows past it are deleted now and then.</summary>
    public long ExpiresAt { get; set; }
}

internal sealed class RateCounterConfiguration : IEntityTypeConfiguration<RateCounter>
{
    public void Configure(EntityTypeBuilder<RateCounter> b)
    {
        b.ToTable("RateCounters");
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(100);
        b.HasIndex(c => c.ExpiresAt);
    }
}

/// <summary>A limit: at most <paramref name="Permits"/> in each fixed <paramref name="Window"/>.</summary>
public sealed record RateRule(string Name, int Permits, TimeSpan Window);

/// <summary>What one count answered: the count in this window (including this one) and when the window ends.</summary>
public readonly record struct RateCount(int Count, DateTimeOffset ResetAt);

/// <summary>
/// Counts with one conditional upsert (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>, the same SQL on SQLite and
/// PostgreSQL), so parallel requests on any number of instances never lose a count. What is counted is stored only
/// as a hash: the table holds no addresses. With <paramref name="queue"/> (the web host's), concurrent requests' counts
/// share one upsert (<see cref="RateCounterQueue"/>); inside a transaction a request counts alone.
/// </summary>
public sealed class RateCounters(GemDbContext db, TimeProvider clock, RateCounterQueue? queue = null)
{
    /// <summary>Adds one to the counter of <paramref name="partition"/> under <paramref name="rule"/>.</summary>
    public async Task<RateCount> HitAsync(RateRule rule, string partition, CancellationToken ct = default) =>
        (await HitAllAsync([(rule, partition)], ct))[0];

    /// <summary>
    /// Adds one to each counter in a single round trip (one multi-row upsert, rows in key order so parallel requests
    /// lock shared counters in the same order and never deadlock). The answer is in the order of <paramref name="hits"/>;
    /// the same rule and partition twice count twice.
    /// </summary>
    public async Task<IReadOnlyList<RateCount>> HitAllAsync(IReadOnlyList<(RateRule Rule, string Partition)> hits, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (hits.Count == 0) return [];
        if (Random.Shared.Next(200) == 0) await PurgeAsync(ct);
        var keys = hits.Select(h => KeyOf(h.Rule, h.Partition)).ToList();
        // A shared batch is sent for every request in it, so one request's cancellation does not cancel it.
        var shared = queue is not null && db.Database.CurrentTransaction is null;
        var counts = await (shared ? queue! : new RateCounterQueue()).CountAsync(
            [.. keys.Select(k => (k.Key, k.Reset.ToUnixTimeSeconds()))], rows => UpsertAsync(rows, shared ? CancellationToken.None : ct));
        return [.. keys.Select((k, i) => new RateCount(counts[i], k.Reset))];
    }

    /// <summary>Adds each row's count to its counter (created with its window's end when new); the new totals.</summary>
    private async Task<Dictionary<string, int>> UpsertAsync(IReadOnlyList<(string Key, int Add, long ExpiresAt)> rows, CancellationToken ct)
    {
        var sorted = rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var values = string.Join(", ", sorted.Select((_, i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"(@k{i}, @n{i}, @e{i})")));
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        await db.RunAsync(async command =>
        {
            command.CommandText = $"""
                INSERT INTO "RateCounters" ("Key", "Count", "ExpiresAt") VALUES {values}
                ON CONFLICT ("Key") DO UPDATE SET "Count" = "RateCounters"."Count" + excluded."Count"
                RETURNING "Key", "Count"
                """;
            for (var i = 0; i < sorted.Count; i++)
            {
                Add(command, $"@k{i}", sorted[i].Key);
                Add(command, $"@n{i}", sorted[i].Add);
                Add(command, $"@e{i}", sorted[i].ExpiresAt);
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) totals[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            return totals.Count;
        }, ct);
        return totals;
    }

    /// <summary>Takes back one count from each of these counters (a refused request's later rules, which were not to count).</summary>
    public async Task<int> UndoAsync(IEnumerable<(RateRule Rule, string Partition)> hits, CancellationToken ct = default)
    {
        var total = 0;
        foreach (var g in hits.Select(h => KeyOf(h.Rule, h.Partition).Key).GroupBy(k => k, StringComparer.Ordinal))
        {
            var key = g.Key;
            var n = g.Count();
            total += await db.Set<RateCounter>().Where(c => c.Key == key && c.Count >= n)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Count, c => c.Count - n), ct);
        }
        return total;
    }

    /// <summary>The count so far in this window, without adding one.</summary>
    public async Task<RateCount> PeekAsync(RateRule rule, string partition, CancellationToken ct = default)
    {
        var (key, reset) = KeyOf(rule, partition);
        var count = await ScalarAsync("""SELECT "Count" FROM "RateCounters" WHERE "Key" = @key""", key, null, ct);
        return new RateCount(count, reset);
    }

    /// <summary>Deletes windows that have ended.</summary>
    public Task<int> PurgeAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        return db.Set<RateCounter>().Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(ct);
    }

    private (string Key, DateTimeOffset Reset) KeyOf(RateRule rule, string partition)
    {
        var seconds = Math.Max(1, (long)rule.Window.TotalSeconds);
        var window = clock.GetUtcNow().ToUnixTimeSeconds() / seconds;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(partition.Trim().ToUpperInvariant())), 0, 18);
        return ($"{rule.Name}:{hash}:{window}", DateTimeOffset.FromUnixTimeSeconds((window + 1) * seconds));
    }

    private Task<int> ScalarAsync(string sql, string key, long? expires, CancellationToken ct) => db.RunAsync(async command =>
    {
        command.CommandText = sql;
        Add(command, "@key", key);
        if (expires is { } e) Add(command, "@expires", e);
        var result = await command.ExecuteScalarAsync(ct);
        return result is null or DBNull ? 0 : Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    }, ct);

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
