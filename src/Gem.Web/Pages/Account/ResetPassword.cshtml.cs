using System.ComponentModel.DataAnnotations;
using System.Text;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Gem.Web.Pages.Account;

/// <summary>
/// The link from the "wachtwoord vergeten" mail: choose a new password. An unknown, changed, used or expired link
/// says so and offers a new one; a weak or mismatched password says what to change. The reset changes the security
/// stamp, so the link works once and every other session of the account ends.
/// </summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<GemUser> users) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid U { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty, DataType(DataType.Password)] public string Password { get; set; } = "";
    [BindProperty, DataType(DataType.Password)] public string ConfirmPassword { get; set; } = "";
    /// <summary>Resource keys of what went wrong.</summary>
    public List<string> Errors { get; } = [];
    public bool LinkInvalid { get; private set; }
    public bool Done { get; private set; }
    public string SignInPath { get; private set; } = "/Account/Login";

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, token) = await FindAsync();
        LinkInvalid = user is null || token is null
            || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<GemUser>.ResetPasswordTokenPurpose, token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, token) = await FindAsync();
        if (user is null || token is null)
        {
            LinkInvalid = true;
            return Page();
        }
        if (string.IsNullOrEmpty(Password)) Errors.Add("Reset.Weak");
        else if (!string.Equals(Password, ConfirmPassword, StringComparison.Ordinal)) Errors.Add("Reset.Mismatch");
        if (Errors.Count > 0) return Page();

        var result = await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) LinkInvalid = true;
            else Errors.Add("Reset.Weak");
            return Page();
        }
        // The link came by mail, so it also proves the address; a fresh password unlocks a locked account.
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        SignInPath = await users.IsInRoleAsync(user, Roles.Citizen) ? "/mijn/inloggen" : "/Account/Login";
        Done = true;
        return Page();
    }

    private async Task<(GemUser? User, string? Token)> FindAsync()
    {
        if (U == Guid.Empty || string.IsNullOrWhiteSpace(Code)) return (null, null);
        var user = await users.FindByIdAsync(U.ToString());
        try
        {
            return (user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code)));
        }
        catch (FormatException)
        {
            return (user, null);
        }
    }
}
