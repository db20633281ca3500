using Gem.Core.Identity;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

/// <summary>Optional two-factor sign-in with an authenticator app (TOTP): show the key, confirm with a code, or switch it off.</summary>
[Authorize(Policy = PlanSetup.CitizenPolicy)]
public sealed class SecurityModel(UserManager<GemUser> users, SignInManager<GemUser> signIn) : PageModel
{
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public bool BadCode { get; private set; }
    [BindProperty] public string? Code { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("No user.");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            BadCode = true;
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        return Redirect("/mijn/beveiliging");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("No user.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Redirect("/mijn/beveiliging");
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("No user.");
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            await signIn.RefreshSignInAsync(user);
        }
        Key = key;
        Uri = $"otpauth://totp/Gem:{System.Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Gem&digits=6";
    }
}
