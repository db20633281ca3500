using Gem.Core.Atlas;
using Gem.Core.Data;
using Gem.Core.FrontDoor;
using Gem.Web.FrontDoor;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Pages.FrontDoor;

/// <summary>
/// The results: explained matches from every sector, then what can start this week. The crisis block leads when needed.
/// A postcode the directory does not know, or one outside the region, is said so instead of being ignored; the person
/// can sort the matches by distance (<c>sort=afstand</c>).
/// </summary>
public sealed class HelpModel(FrontDoorService frontDoor, GemDbContext db) : PageModel
{
    public const string ByDistance = "afstand";

    public FrontDoorQuery Query { get; private set; } = new();
    public FrontDoorResult Result { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    /// <summary>The matches in the order shown: as ranked, or nearest first when the person asked.</summary>
    public IReadOnlyList<FrontDoorMatch> Matches { get; private set; } = [];
    public bool SortedByDistance { get; private set; }
    /// <summary>"Pc4.Unknown" or "Pc4.Outside" when the postcode given cannot be used as asked; null otherwise.</summary>
    public string? PostcodeNotice { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = FrontDoorQuery.From(Request.Query);
        Now = frontDoor.Now;
        Result = await frontDoor.MatchAsync(Query.ToAnswers(), ct);
        SortedByDistance = string.Equals(Request.Query["sort"], ByDistance, StringComparison.Ordinal);
        Matches = SortedByDistance ? NearestFirst(Result.Matches) : Result.Matches;
        if (!Query.OnlineOnly && !string.IsNullOrWhiteSpace(Query.Pc4))
        {
            var pc4 = Pc4Directory.Find(Query.Pc4)?.Pc4;
            if (pc4 is null) PostcodeNotice = "Pc4.Unknown";
            else if (await db.RegionAreas.AnyAsync(ct) && !await db.RegionAreas.AnyAsync(a => a.Pc4 == pc4, ct)) PostcodeNotice = "Pc4.Outside";
        }
    }

    /// <summary>In-person offers by distance, then online ones; ties keep the ranking's order.</summary>
    public static IReadOnlyList<FrontDoorMatch> NearestFirst(IEnumerable<FrontDoorMatch> matches) =>
        [.. matches.OrderBy(m => m.DistanceKm is null ? 1 : 0).ThenBy(m => m.DistanceKm ?? 0)];
}
