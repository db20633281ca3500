namespace Gem.Core.Abuse;

/// <summary>
/// Abuse counts of concurrent requests travel to the database together, as a group commit (issue 17): while one upsert
/// is on its way, the counts of requests that arrive queue up, and when it returns the first of them sends all queued
/// counts in one statement. A request alone waits for nothing; under a rush the limits cost one round trip per batch
/// instead of one per request. Each request gets the counts it would have seen had the batch's requests counted one
/// after another in queue order: a key's new total minus what later requests in the batch added to it. One per host
/// (a singleton): every instance still counts in the same database rows, so the limits hold across instances.
/// </summary>
public sealed class RateCounterQueue
{
    /// <summary>One request's counters: its keys in its own order (a key twice counts twice), how much each adds, when each window ends.</summary>
    internal sealed record Hits(IReadOnlyList<(string Key, long ExpiresAt)> Keys)
    {
        /// <summary>Completed with the counts, or with null when this request is to send the next batch.</summary>
        public TaskCompletionSource<int[]?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The database's new total per key after adding <c>Add</c> to each row (one upsert).</summary>
    internal delegate Task<Dictionary<string, int>> Send(IReadOnlyList<(string Key, int Add, long ExpiresAt)> rows);

    /// <summary>Requests per statement at most (a request counts up to five keys, three parameters each).</summary>
    internal const int MaxBatch = 256;

    private readonly Lock _gate = new();
    private readonly List<Hits> _queue = [];
    private bool _sending;

    /// <summary>Counts <paramref name="keys"/> for one request, in a batch with whatever other requests are waiting.</summary>
    internal async Task<int[]> CountAsync(IReadOnlyList<(string Key, long ExpiresAt)> keys, Send send)
    {
        var me = new Hits(keys);
        bool lead;
        lock (_gate)
        {
            _queue.Add(me);
            lead = !_sending;
            _sending = true;
        }
        if (!lead && await me.Done.Task is { } answered) return answered;

        // This request sends what is queued (it is first in the queue), up to a batch, as one statement.
        List<Hits> batch;
        lock (_gate)
        {
            var take = Math.Min(_queue.Count, MaxBatch);
            batch = _queue.GetRange(0, take);
            _queue.RemoveRange(0, take);
        }
        int[]? mine = null;
        Exception? failed = null;
        try
        {
            var rows = batch.SelectMany(h => h.Keys).GroupBy(k => k.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, Add: g.Count(), g.First().ExpiresAt)).ToList();
            var totals = await send(rows);
            // Walk the batch backwards: each request sees the total minus what the requests after it added.
            var later = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = batch.Count - 1; i >= 0; i--)
            {
                var hits = batch[i];
                int[] counts = [.. hits.Keys.Select(k => totals[k.Key] - later.GetValueOrDefault(k.Key))];
                if (hits == me) mine = counts;
                else hits.Done.TrySetResult(counts);
                foreach (var k in hits.Keys) later[k.Key] = later.GetValueOrDefault(k.Key) + 1;
            }
        }
        catch (Exception e)
        {
            failed = e;
            foreach (var hits in batch) if (hits != me) hits.Done.TrySetException(e);
        }
        finally
        {
            // Hand the next batch to the first request that queued meanwhile, or stop sending.
            lock (_gate)
            {
                if (_queue.Count > 0) _queue[0].Done.TrySetResult(null);
                else _sending = false;
            }
        }
        if (failed is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        return mine!;
    }
}
