using System.Text;
using Gem.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Gem.Web.Pages.Account;

[AllowAnonymous]
public sealed class ConfirmModel(UserManager<GemUser> users) : PageModel
{
    public bool Confirmed { get; private set; }

    /// <summary>Where the person was going before making an account (an invitation): sign-in continues there.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string SignInLink => "/mijn/inloggen" + (Gem.Web.Hosting.Localization.IsLocalPath(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl!) : "");

    public async Task OnGetAsync(Guid u, string? code)
    {
        var user = await users.FindByIdAsync(u.ToString());
        if (user is null || string.IsNullOrEmpty(code)) return;
        try
        {
            Confirmed = (await users.ConfirmEmailAsync(user, Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)))).Succeeded;
        }
        catch (FormatException)
        {
            Confirmed = false;
        }
    }
}
