using Gem.Core.Atlas;
using Gem.Core.FrontDoor;

namespace Gem.Web.FrontDoor;

/// <summary>Matches against the region's catalog (kept in memory, see <see cref="FrontDoorCatalogCache"/>); the one entry point for the pages and the API.</summary>
public sealed class FrontDoorService(FrontDoorCatalogCache catalogs, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<FrontDoorResult> MatchAsync(FrontDoorAnswers answers, CancellationToken ct)
    {
        var catalog = await catalogs.GetAsync(ct);
        return FrontDoorMatcher.Match(catalog, answers, Now);
    }
}
