using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text;
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
/// "Wachtwoord vergeten?": asks for the e-mail address and always answers the same, so the page does not tell
/// whether an account exists. Only an existing account gets a mail, with a link to <see cref="ResetPasswordModel"/>
/// that works one hour and once (see <see cref="Hosting.PasswordResetTokenProvider"/>).
/// </summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<GemUser> users, IEmailSender<GemUser> mail, IOptions<MailOptions> mailOptions, Gem.Web.Hosting.AbuseLimits limits) : PageModel
{
    [BindProperty, Required, EmailAddress, StringLength(200)] public string Email { get; set; } = "";
    public bool Sent { get; private set; }
    public bool Invalid { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        await limits.MailFormAsync(HttpContext, Email, HttpContext.RequestAborted);
        if (!ModelState.IsValid)
        {
            Invalid = true;
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user?.Email is not null)
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{mailOptions.Value.PublicBaseUrl.TrimEnd('/')}/Account/ResetPassword?u={user.Id}&code={WebUtility.UrlEncode(code)}";
            await mail.SendPasswordResetLinkAsync(user, user.Email, link); // queued in the outbox: the answer does not wait for the relay
        }
        Sent = true;
        return Page();
    }
}
