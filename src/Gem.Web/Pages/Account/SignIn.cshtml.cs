using System.ComponentModel.DataAnnotations;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

/// <summary>
/// Sign-in for citizens, with the optional authenticator-app step. One message for every failure (unknown
/// address, wrong password, unconfirmed address) so the page does not reveal who has an account; after 5 failures
/// for one address from one client that client waits (<see cref="Hosting.SignInGuard"/>); Identity issues a new
/// cookie on every sign-in.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(Hosting.SignInGuard guard) : PageModel
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
        var outcome = await guard.PasswordSignInAsync(HttpContext, Email, Password, HttpContext.RequestAborted);
        var target = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/mijn";
        if (outcome == Hosting.SignInOutcome.Succeeded) return LocalRedirect(target);
        if (outcome == Hosting.SignInOutcome.RequiresTwoFactor) return LocalRedirect("/mijn/inloggen-code?ReturnUrl=" + Uri.EscapeDataString(target));
        if (outcome == Hosting.SignInOutcome.Throttled) Hosting.AbuseLimits.Answer429(HttpContext, guard.Refused!);
        Error = outcome == Hosting.SignInOutcome.Throttled ? "SignIn.LockedOut" : "SignIn.Invalid";
        return Page();
    }
}
