using Gem.Core.FrontDoor;
using Gem.Web.FrontDoor;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.FrontDoor;

/// <summary>The results: explained matches from every sector, then what can start this week. The crisis block leads when needed.</summary>
public sealed class HelpModel(FrontDoorService frontDoor) : PageModel
{
    public FrontDoorQuery Query { get; private set; } = new();
    public FrontDoorResult Result { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Query = FrontDoorQuery.From(Request.Query);
        Now = frontDoor.Now;
        Result = await frontDoor.MatchAsync(Query.ToAnswers(), ct);
    }
}
