using Gem.Core.Abuse;
using Gem.Core.Data;
using Gem.Testing;

namespace Gem.Core.Tests.Abuse;

/// <summary>
/// Concurrent requests' abuse counts share one upsert (issue 17). Each request must still see what it would have seen
/// counting alone, one after another: no two requests the same count for a key, none lost, and the batch's statement
/// fewer than the requests under load.
/// </summary>
public sealed class RateCounterQueueTests
{
    private static readonly RateRule Shared = new("test-shared", 1000, TimeSpan.FromHours(1));
    private static readonly RateRule Own = new("test-own", 1000, TimeSpan.FromHours(1));

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HitAll_ManyRequestsAtOnce_EachSeesADistinctCount_AsIfOneByOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var queue = new RateCounterQueue();
        const int requests = 40;

        var answers = await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            await using var db = database.CreateContext();
            // The shared key twice (counts twice), and a key of its own.
            return await new RateCounters(db, TimeProvider.System, queue).HitAllAsync([(Shared, "x"), (Own, $"r{i}"), (Shared, "x")]);
        }));

        // As one by one: the i-th request to count sees 2i on both of its shared hits, and 1 on its own key.
        Assert.Equal(Enumerable.Range(1, requests).Select(i => 2 * i), answers.Select(a => a[0].Count).Order());
        Assert.All(answers, a => Assert.Equal(a[0].Count, a[2].Count));
        Assert.All(answers, a => Assert.Equal(1, a[1].Count));
        await using var check = database.CreateContext();
        Assert.Equal(2 * requests, (await new RateCounters(check, TimeProvider.System).PeekAsync(Shared, "x")).Count);
    }

    [Fact]
    public async Task Count_WhileASendIsOnItsWay_TheNextRequestsGoTogether_AndAFailureReachesEachOfThem()
    {
        var queue = new RateCounterQueue();
        var sends = new List<int>();
        var first = new TaskCompletionSource<Dictionary<string, int>>();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        Task<Dictionary<string, int>> Send(IReadOnlyList<(string Key, int Add, long ExpiresAt)> rows)
        {
            lock (sends) sends.Add(rows.Sum(r => r.Add));
            if (sends.Count == 1) return first.Task; // the first send waits until the test lets it return
            foreach (var (key, add, _) in rows) totals[key] = totals.GetValueOrDefault(key) + add;
            return Task.FromResult(totals);
        }

        var leader = queue.CountAsync([("k", 0)], Send);
        var waiting = Enumerable.Range(0, 5).Select(_ => queue.CountAsync([("k", 0)], Send)).ToList();
        Assert.Single(sends); // the five wait for the first send
        totals["k"] = 1;
        first.SetResult(totals);

        var led = await leader;
        Assert.Equal([1], led);
        var rest = await Task.WhenAll(waiting);
        Assert.Equal([2, 3, 4, 5, 6], rest.Select(c => c[0]).Order());
        Assert.Equal([1, 5], sends); // the five went as one batch

        var failing = new RateCounterQueue();
        var gate = new TaskCompletionSource<Dictionary<string, int>>();
        var a = failing.CountAsync([("k", 0)], _ => gate.Task);
        var b = failing.CountAsync([("k", 0)], _ => throw new InvalidOperationException("database down"));
        gate.SetException(new InvalidOperationException("database down"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => a);
        await Assert.ThrowsAsync<InvalidOperationException>(() => b); // b's own batch: it sends next, and fails too
        var c = await failing.CountAsync([("k", 0)], _ => Task.FromResult(new Dictionary<string, int> { ["k"] = 7 }));
        Assert.Equal([7], c); // the queue is usable after a failure
    }

    [Fact]
    public async Task Count_MoreWaitingThanABatch_GoInBatchesOfAtMostTheLimit()
    {
        var queue = new RateCounterQueue();
        var sends = new List<int>();
        var first = new TaskCompletionSource<Dictionary<string, int>>();
        var total = 0;
        Task<Dictionary<string, int>> Send(IReadOnlyList<(string Key, int Add, long ExpiresAt)> rows)
        {
            sends.Add(rows.Count);
            total += rows.Count;
            return sends.Count == 1 ? first.Task : Task.FromResult(rows.ToDictionary(r => r.Key, _ => 1));
        }

        var leader = queue.CountAsync([("k0", 0)], Send);
        var waiting = Enumerable.Range(1, 300).Select(i => queue.CountAsync([($"k{i}", 0)], Send)).ToList();
        first.SetResult(new Dictionary<string, int> { ["k0"] = 1 });
        await leader;
        await Task.WhenAll(waiting);

        Assert.Equal([1, RateCounterQueue.MaxBatch, 300 - RateCounterQueue.MaxBatch], sends);
    }
}
