using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.FrontDoor;

namespace Gem.Web.FrontDoor;

/// <summary>Loads the region's catalog and matches; the one entry point for the pages and the API.</summary>
public sealed class FrontDoorService(GemDbContext db, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<FrontDoorResult> MatchAsync(FrontDoorAnswers answers, CancellationToken ct)
    {
        var catalog = await FrontDoorCatalog.LoadAsync(db, Now, ct);
        return FrontDoorMatcher.Match(catalog, answers, Now);
    }
}
