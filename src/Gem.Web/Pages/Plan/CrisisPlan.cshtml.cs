using Gem.Core;
using Gem.Core.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Plan;

/// <summary>My proactive crisis plan: early signs, what I do, what others can do, who to call, what not to do.</summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class CrisisPlanModel(PlanService plans) : PageModel
{
    [BindProperty] public string? EarlySigns { get; set; }
    [BindProperty] public string? WhatIDo { get; set; }
    [BindProperty] public string? WhatOthersDo { get; set; }
    [BindProperty] public string? WhoToCall { get; set; }
    [BindProperty] public string? WhatNotToDo { get; set; }
    public Guid Me { get; private set; }
    public bool Invalid { get; private set; }

    public async Task OnGetAsync()
    {
        Me = User.UserId();
        var p = await plans.GetAsync(Me);
        (EarlySigns, WhatIDo, WhatOthersDo, WhoToCall, WhatNotToDo) = (p.EarlySigns, p.CrisisWhatIDo, p.CrisisWhatOthersDo, p.CrisisWhoToCall, p.CrisisWhatNotToDo);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Me = User.UserId();
        try
        {
            await plans.SaveCrisisPlanAsync(Me, new CrisisPlanText(EarlySigns, WhatIDo, WhatOthersDo, WhoToCall, WhatNotToDo));
        }
        catch (ValidationException)
        {
            Invalid = true;
            return Page();
        }
        return Redirect($"/plan/{Me}/crisisplan");
    }
}
