using Gem.Core.Community;
using Gem.Core.Data;
using Gem.Web.Community;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gem.Web.Pages.Community;

/// <summary>The harms survey (<see cref="HarmsSurvey"/>): members only, once a month, stored without anyone's name.</summary>
[Authorize]
public sealed class SurveyModel(CommunityService community, GemDbContext db, AbuseLimits limits, TimeProvider clock) : CommunityPageModel(community, clock)
{
    [BindProperty] public bool? Harmed { get; set; }
    [BindProperty] public bool AboutModeration { get; set; }
    [BindProperty] public bool Excluded { get; set; }
    [BindProperty] public bool Contagion { get; set; }
    [BindProperty] public bool? FeelsSafe { get; set; }
    public bool Thanks { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool bedankt, CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (Viewer.Member is null) return Redirect("/community/lid-worden");
        Thanks = bedankt;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadViewerAsync(ct);
        if (Viewer.Member is null) return Redirect("/community/lid-worden");
        var input = new HarmsSurveyInput(Harmed, AboutModeration, Excluded, Contagion, FeelsSafe);
        try
        {
            // Only a complete answer counts against the once-a-month limit.
            if (Harmed is not null && FeelsSafe is not null)
                await limits.EnsureAsync([(CommunityModule.SurveyPerMember, Viewer.Member.Id.ToString("N"))], ct);
            await HarmsSurvey.AnswerAsync(db, Viewer.Member, input, Now, ct);
        }
        catch (ValidationException e)
        {
            Fail(e);
            return Page();
        }
        return Redirect("/community/enquete?bedankt=true");
    }
}
