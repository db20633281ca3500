using System.ComponentModel.DataAnnotations;
using System.Net;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Gem.Web.Pages.Account;

/// <summary>
/// A citizen creates an account with e-mail and password. The page answers the same whether or not the address
/// already has an account (no enumeration): a new address gets a confirmation link, a known one a "you already
/// have an account" mail. Sign-in needs a confirmed address.
/// </summary>
[AllowAnonymous]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Gem.Web.Hosting.RateLimits.MailPolicy)]
public sealed class RegisterModel(UserManager<GemUser> users, IMailSender mail, IOptions<MailOptions> mailOptions, IPasswordHasher<GemUser> hasher) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
    [BindProperty, Required, StringLength(100)] public string Name { get; set; } = "";
    [BindProperty, Required, StringLength(200, MinimumLength = 12)] public string Password { get; set; } = "";
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Errors = ["Register.Invalid"];
            return Page();
        }
        var baseUrl = mailOptions.Value.PublicBaseUrl.TrimEnd('/');
        var existing = await users.FindByEmailAsync(Email);
        if (existing is not null)
        {
            // Same work as a new account (a password hash), so timing does not tell either.
            _ = hasher.HashPassword(existing, Password);
            await mail.SendTextAsync(Email, "Je hebt al een account bij Gem / You already have a Gem account",
                $"Iemand probeerde een account te maken met dit adres. Je hebt al een account: log in op {baseUrl}/mijn/inloggen\n\n"
                + "Was jij dit niet? Dan hoef je niets te doen.\n");
            Sent = true;
            return Page();
        }
        var user = new GemUser { UserName = Email, Email = Email, DisplayName = Name.Trim() };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            Errors = created.Errors.Select(e => e.Description).ToList();
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        await mail.SendTextAsync(Email, "Bevestig je account bij Gem / Confirm your Gem account",
            $"Welkom bij Gem. Bevestig je e-mailadres: {baseUrl}/mijn/bevestigen?u={user.Id}&code={WebUtility.UrlEncode(code)}\n\n"
            + "Heb jij dit niet gevraagd? Dan hoef je niets te doen.\n");
        Sent = true;
        return Page();
    }
}
