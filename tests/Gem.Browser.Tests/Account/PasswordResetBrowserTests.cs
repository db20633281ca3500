using System.Text.RegularExpressions;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.Playwright;
using MimeKit;

namespace Gem.Browser.Tests.Account;

public sealed partial class PasswordResetBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ForgotPassword_FromLoginPageByMailToNewPassword_WithoutJavaScript()
    {
        const string newPassword = "Nieuw-wachtwoord-456";
        var citizen = await browser.Factory.CreateUserAsync(Roles.Citizen);
        var page = await browser.NewPageAsync(javaScript: false);

        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAsync();
        Assert.EndsWith("/Account/ForgotPassword", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("E-mailadres").FillAsync(citizen.Email!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Stuur mij een link" }).ClickAsync();
        Assert.Contains("Is er een account met dit e-mailadres?", await page.GetByTestId("forgot-sent").InnerTextAsync(), StringComparison.Ordinal);

        await browser.Factory.DeliverMailAsync();
        var mail = Directory.GetFiles(browser.Factory.MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => m.To.Mailboxes.Any(a => a.Address == citizen.Email));
        var link = ResetLink().Match(mail.TextBody ?? "").Groups[1].Value;
        Assert.NotEmpty(link);

        await page.GotoAsync(link);
        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Nieuw wachtwoord nog een keer").FillAsync(newPassword + "?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        Assert.Contains("niet hetzelfde", await page.GetByTestId("reset-error").InnerTextAsync(), StringComparison.Ordinal);

        await page.GetByLabel("Nieuw wachtwoord", new() { Exact = true }).FillAsync(newPassword);
        await page.GetByLabel("Nieuw wachtwoord nog een keer").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Wachtwoord opslaan" }).ClickAsync();
        await page.GetByTestId("reset-done").GetByRole(AriaRole.Link).ClickAsync();

        Assert.Contains("/mijn/inloggen", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("E-mailadres").FillAsync(citizen.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(newPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        Assert.EndsWith("/mijn", page.Url, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"https?://[^/\s]+(/Account/ResetPassword\?u=[0-9a-f-]{36}&code=[A-Za-z0-9_\-]+)")]
    private static partial Regex ResetLink();
}
