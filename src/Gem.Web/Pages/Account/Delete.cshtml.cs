using Gem.Core.Identity;
using Gem.Core.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

/// <summary>Delete my account: every row with my personal data goes; every session ends (the security stamp is checked on each request).</summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class DeleteModel(PersonalData data, SignInManager<GemUser> signIn, Hosting.Reauthentication reauth) : PageModel
{
    [BindProperty] public bool Sure { get; set; }
    public bool NotSure { get; private set; }
    /// <summary>The password (or a current code) again: a cookie alone may not delete an account.</summary>
    [BindProperty] public string? Confirm { get; set; }
    public bool BadConfirm { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Sure)
        {
            NotSure = true;
            return Page();
        }
        var user = await signIn.UserManager.GetUserAsync(User) ?? throw new InvalidOperationException("No user.");
        if (!await reauth.ConfirmAsync(user, Confirm, HttpContext.RequestAborted))
        {
            BadConfirm = true;
            return Page();
        }
        await data.EraseAsync(User.UserId());
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
