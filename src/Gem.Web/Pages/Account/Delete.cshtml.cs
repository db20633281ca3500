using Gem.Core.Identity;
using Gem.Core.Plan;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

/// <summary>Delete my account: every row with my personal data goes; every session ends (the security stamp is checked on each request).</summary>
[Authorize(Policy = PlanSetup.CitizenPolicy)]
public sealed class DeleteModel(PersonalData data, SignInManager<GemUser> signIn) : PageModel
{
    [BindProperty] public bool Sure { get; set; }
    public bool NotSure { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Sure)
        {
            NotSure = true;
            return Page();
        }
        await data.EraseAsync(User.UserId());
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
