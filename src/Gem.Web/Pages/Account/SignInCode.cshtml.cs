using System.ComponentModel.DataAnnotations;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

/// <summary>The second step for accounts with an authenticator app: the 6-digit code.</summary>
[AllowAnonymous]
public sealed class SignInCodeModel(SignInManager<GemUser> signIn) : PageModel
{
    [BindProperty, Required, StringLength(8)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/mijn/inloggen") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return LocalRedirect("/mijn/inloggen");
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/mijn");
        Error = result.IsLockedOut ? "SignIn.LockedOut" : "SignIn.BadCode";
        return Page();
    }
}
