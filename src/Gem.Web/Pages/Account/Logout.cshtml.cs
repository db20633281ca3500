using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<GemUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    /// <summary>
    /// Ends the session on the server too: a new security stamp makes every cookie issued before it invalid (the stamp
    /// is checked on every request), so a copied cookie no longer opens anything. This signs out other devices as well.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
