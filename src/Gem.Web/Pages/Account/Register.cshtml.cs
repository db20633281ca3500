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
public sealed class RegisterModel(UserManager<GemUser> users, GemDbContext db, IdentityMail mail, IOptions<MailOptions> mailOptions, IPasswordHasher<GemUser> hasher, Gem.Web.Hosting.AbuseLimits limits, Microsoft.Extensions.Localization.IStringLocalizer<SiteResource> text) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Password { get; set; }
    /// <summary>Where an invitation (or another page) sent the person, kept through registration and sign-in.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>Every problem with the form: the field's id and a message in the page's language.</summary>
    public List<(string Field, string Message)> Errors { get; } = [];
    public bool Sent { get; private set; }
    /// <summary>A password that met the rules is kept when something else was wrong, so it need not be typed again.</summary>
    public string? KeptPassword { get; private set; }

    public string SignInLink => "/mijn/inloggen" + (Gem.Web.Hosting.Localization.IsLocalPath(ReturnUrl) ? "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl!) : "");

    public IEnumerable<string> ErrorsFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var name = MailText.OneLine(Name ?? "");
        Email = Email?.Trim();
        if (name.Length is 0 or > 100) Errors.Add(("Name", text["Register.NameMissing"]));
        if (string.IsNullOrEmpty(Email) || Email.Length > 200 || !new EmailAddressAttribute().IsValid(Email)) Errors.Add(("Email", text["Register.EmailInvalid"]));
        // The password rules for every address: otherwise only a new address would hear "too weak".
        var candidate = new GemUser { UserName = Email, Email = Email, DisplayName = name };
        if (string.IsNullOrEmpty(Password)) Errors.Add(("Password", text["Register.PasswordMissing"]));
        else
        {
            var weak = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, candidate, Password);
                if (!check.Succeeded) weak.AddRange(check.Errors.Select(e => e.Description));
            }
            if (Password.Length > 200) weak.Add(text["Identity.DefaultError"]);
            Errors.AddRange(weak.Select(w => ("Password", w)));
            if (weak.Count == 0) KeptPassword = Password;
        }
        if (Errors.Count > 0) return Page();
        // Only a form that would send a mail counts against the limits: typing mistakes never lock anyone out.
        await limits.MailFormAsync(HttpContext, Email!, HttpContext.RequestAborted);
        var password = Password!;
        var baseUrl = mailOptions.Value.PublicBaseUrl.TrimEnd('/');
        var existing = await users.FindByEmailAsync(Email!);
        if (existing is not null)
        {
            // Same work as a new account (a password hash), so timing does not tell either.
            _ = hasher.HashPassword(existing, password);
            await mail.SendAlreadyRegisteredAsync(Email!, baseUrl + SignInLink);
            Sent = true;
            return Page();
        }
        var user = candidate;
        // The account, its role and its confirmation mail (in the outbox) are written together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded && created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            Sent = true; // a parallel registration of the same address: the same answer as ever
            return Page();
        }
        if (!created.Succeeded)
        {
            Errors.AddRange(created.Errors.Select(e => ("Email", e.Description)));
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Citizen);
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var confirm = $"{baseUrl}/mijn/bevestigen?u={user.Id}&code={WebUtility.UrlEncode(code)}";
        if (Gem.Web.Hosting.Localization.IsLocalPath(ReturnUrl)) confirm += "&ReturnUrl=" + Uri.EscapeDataString(ReturnUrl!);
        await mail.SendConfirmationLinkAsync(user, Email!, confirm);
        await tx.CommitAsync();
        Sent = true;
        return Page();
    }
}
