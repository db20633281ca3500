using System.ComponentModel.DataAnnotations;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

public sealed class LoginModel(SignInManager<GemUser> signIn, Hosting.SignInGuard guard) : PageModel
{
    [BindProperty, Required, EmailAddress] public string Email { get; set; } = "";
    [BindProperty, Required] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    /// <summary>Where a role starts: staff at their organisation, coordinators at the dashboard, everyone else at their plan.</summary>
    private async Task<string> HomeForAsync(string email)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null) return "/";
        var roles = await signIn.UserManager.GetRolesAsync(user);
        return roles.Contains(Roles.PartnerStaff) || roles.Contains(Roles.Admin) ? "/partner"
            : roles.Contains(Roles.Coordinator) ? "/dashboard"
            : "/mijn";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = "Login.Invalid";
            return Page();
        }
        var outcome = await guard.PasswordSignInAsync(HttpContext, Email, Password, HttpContext.RequestAborted);
        if (outcome == Hosting.SignInOutcome.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : await HomeForAsync(Email));
        // Two-step sign-in continues on the same code page citizens use.
        if (outcome == Hosting.SignInOutcome.RequiresTwoFactor) return LocalRedirect("/mijn/inloggen-code?ReturnUrl=" + Uri.EscapeDataString(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/"));
        // One message for unknown account and wrong password, so the page does not reveal who has an account.
        if (outcome == Hosting.SignInOutcome.Throttled) Hosting.AbuseLimits.Answer429(HttpContext, guard.Refused!);
        Error = outcome == Hosting.SignInOutcome.Throttled ? "Login.LockedOut" : "Login.Invalid";
        return Page();
    }
}
