using System.ComponentModel.DataAnnotations;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

/// <summary>
/// Sign-in for citizens, with the optional authenticator-app step. One message for every failure (unknown
/// address, wrong password, unconfirmed address) so the page does not reveal who has an account; lockout after
/// 5 tries; Identity issues a new cookie on every sign-in.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<GemUser> signIn) : PageModel
{
    [BindProperty, Required, EmailAddress] public string Email { get; set; } = "";
    [BindProperty, Required] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = "SignIn.Invalid";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
        var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/mijn";
        if (result.Succeeded) return LocalRedirect(target);
        if (result.RequiresTwoFactor) return LocalRedirect("/mijn/inloggen-code?ReturnUrl=" + Uri.EscapeDataString(target));
        Error = result.IsLockedOut ? "SignIn.LockedOut" : "SignIn.Invalid";
        return Page();
    }
}
