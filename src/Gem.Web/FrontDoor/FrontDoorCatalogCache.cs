using Gem.Core.Data;
using Gem.Core.FrontDoor;

namespace Gem.Web.FrontDoor;

/// <summary>Section <c>Gem:FrontDoor</c>.</summary>
public sealed class FrontDoorOptions
{
    public const string Section = "Gem:FrontDoor";
    /// <summary>How old the in-memory catalog may get before a background reload; 0 reads the database on every request.</summary>
    public int CatalogSeconds { get; set; } = 30;
}

/// <summary>
/// The region's catalog in memory, so matching does not read 50,000 offers and 500,000 sessions per request.
/// The first request loads it; after <see cref="FrontDoorOptions.CatalogSeconds"/> the next request starts a
/// reload in the background and is answered from the previous snapshot meanwhile. Free seats may therefore lag
/// by that many seconds; enrolment itself is always checked by the database (Groups).
/// </summary>
public sealed class FrontDoorCatalogCache(IServiceScopeFactory scopes, TimeProvider clock, Microsoft.Extensions.Options.IOptions<FrontDoorOptions> options, ILogger<FrontDoorCatalogCache> log)
{
    private readonly SemaphoreSlim _firstLoad = new(1, 1);
    private volatile Snapshot? _current;
    private int _reloading;

    private sealed record Snapshot(FrontDoorCatalog Catalog, DateTimeOffset LoadedAt);

    public async Task<FrontDoorCatalog> GetAsync(CancellationToken ct)
    {
        var maxAge = TimeSpan.FromSeconds(options.Value.CatalogSeconds);
        if (maxAge <= TimeSpan.Zero) return await LoadAsync(ct);
        var current = _current;
        if (current is null)
        {
            await _firstLoad.WaitAsync(ct);
            try
            {
                current = _current ??= new Snapshot(await LoadAsync(ct), clock.GetUtcNow());
            }
            finally
            {
                _firstLoad.Release();
            }
        }
        if (clock.GetUtcNow() - current.LoadedAt > maxAge && Interlocked.CompareExchange(ref _reloading, 1, 0) == 0)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    _current = new Snapshot(await LoadAsync(CancellationToken.None), clock.GetUtcNow());
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    log.LogWarning(e, "Reloading the front-door catalog failed; keeping the previous one");
                }
                finally
                {
                    Interlocked.Exchange(ref _reloading, 0);
                }
            }, CancellationToken.None);
        }
        return current.Catalog;
    }

    /// <summary>Makes the next request reload (after an enrolment through the front door, for example).</summary>
    public void Invalidate()
    {
        if (_current is { } c) _current = c with { LoadedAt = DateTimeOffset.MinValue };
    }

    private async Task<FrontDoorCatalog> LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
        return await FrontDoorCatalog.LoadAsync(db, clock.GetUtcNow(), ct);
    }
}
