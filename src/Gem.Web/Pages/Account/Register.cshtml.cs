using System.ComponentModel.DataAnnotations;
using System.Net;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Core.Mail;
using Gem.Web.Hosting;
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
public sealed class RegisterModel(UserManager<GemUser> users, GemDbContext db, IdentityMail mail, IOptions<MailOptions> mailOptions, IPasswordHasher<GemUser> hasher, Gem.Web.Hosting.AbuseLimits limits) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
    [BindProperty, Required, StringLength(100)] public string Name { get; set; } = "";
    [BindProperty, Required, StringLength(200, MinimumLength = 12)] public string Password { get; set; } = "";
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await limits.MailFormAsync(HttpContext, Email, HttpContext.RequestAborted);
        var name = MailText.OneLine(Name);
        if (!ModelState.IsValid || name.Length == 0)
        {
            Errors = ["Register.Invalid"];
            return Page();
        }
        // The password rules first, for every address: otherwise only a new address would hear "too weak".
        var candidate = new GemUser { UserName = Email, Email = Email, DisplayName = name };
        var weak = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, candidate, Password);
            if (!check.Succeeded) weak.AddRange(check.Errors.Select(e => e.Description));
        }
        if (weak.Count > 0)
        {
            Errors = weak;
            return Page();
        }
        var baseUrl = mailOptions.Value.PublicBaseUrl.TrimEnd('/');
        var existing = await users.FindByEmailAsync(Email);
        if (existing is not null)
        {
            // Same work as a new account (a password hash), so timing does not tell either.
            _ = hasher.HashPassword(existing, Password);
            await mail.SendAlreadyRegisteredAsync(Email, $"{baseUrl}/mijn/inloggen");
            Sent = true;
            return Page();
        }
        var user = candidate;
        // The account, its role and its confirmation mail (in the outbox) are written together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded && created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            Sent = true; // a parallel registration of the same address: the same answer as ever
            return Page();
        }
        if (!created.Succeeded)
        {
            Errors = created.Errors.Select(e => e.Description).ToList();
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        await mail.SendConfirmationLinkAsync(user, Email, $"{baseUrl}/mijn/bevestigen?u={user.Id}&code={WebUtility.UrlEncode(code)}");
        await tx.CommitAsync();
        Sent = true;
        return Page();
    }
}
