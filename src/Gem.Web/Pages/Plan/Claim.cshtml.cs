using Gem.Core;
using Gem.Core.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Plan;

/// <summary>Link an enrolment made without an account: the code from the enrolment mail, for the same e-mail address.</summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class ClaimModel(PlanService plans, Microsoft.AspNetCore.Identity.UserManager<Gem.Core.Identity.GemUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public bool Failed { get; private set; }

    public void OnGet() { }

    /// <summary>The code from what was pasted: the whole manage link from the mail (…/groups/enrolment/CODE) or the code alone.</summary>
    public static string CodeOf(string pasted)
    {
        var text = pasted.Trim();
        var end = text.IndexOfAny(['?', '#']);
        if (end >= 0) text = text[..end];
        return text.TrimEnd('/').Split('/')[^1];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user?.Email is null || !user.EmailConfirmed || string.IsNullOrWhiteSpace(Token))
        {
            Failed = true;
            return Page();
        }
        try
        {
            await plans.ClaimEnrolmentAsync(user.Id, user.Email, CodeOf(Token));
        }
        catch (NotFoundException)
        {
            Failed = true;
            return Page();
        }
        return Redirect("/mijn?saved=1");
    }
}
