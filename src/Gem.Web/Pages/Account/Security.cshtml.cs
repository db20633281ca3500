using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Account;

/// <summary>Optional two-factor sign-in with an authenticator app (TOTP): show the key, confirm with a code, or switch it off.</summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
/// <remarks>
/// Opening the page never ends a session elsewhere: the first authenticator key is stored without renewing the security
/// stamp (issue 13 item 14). Only the explicit "sign out everywhere else" button renews it.
/// </remarks>
public sealed class SecurityModel(UserManager<GemUser> users, SignInManager<GemUser> signIn, Hosting.Reauthentication reauth, IUserStore<GemUser> store) : PageModel
{
    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string Uri { get; private set; } = "";
    public bool BadCode { get; private set; }
    [BindProperty] public string? Code { get; set; }
    /// <summary>The password (or a current code) again, to switch two-step sign-in off.</summary>
    [BindProperty] public string? Confirm { get; set; }
    public bool BadConfirm { get; private set; }

    public bool SignedOutElsewhere { get; private set; }

    public async Task OnGetAsync(bool elsewhere = false)
    {
        SignedOutElsewhere = elsewhere;
        await LoadAsync();
    }

    /// <summary>Signs out every other device: a new security stamp ends their cookies; this one is renewed.</summary>
    public async Task<IActionResult> OnPostSignOutElsewhereAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("No user.");
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Redirect("/mijn/beveiliging?elsewhere=true");
    }

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
        if (!await reauth.ConfirmAsync(user, Confirm, HttpContext.RequestAborted))
        {
            BadConfirm = true;
            await LoadAsync();
            return Page();
        }
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
            // Not ResetAuthenticatorKeyAsync: that renews the security stamp and so signs the person out everywhere else.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<GemUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            var saved = await users.UpdateAsync(user);
            if (!saved.Succeeded) throw new InvalidOperationException("Could not store the authenticator key.");
        }
        Key = key;
        Uri = $"otpauth://totp/Gem:{System.Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Gem&digits=6";
    }
}
