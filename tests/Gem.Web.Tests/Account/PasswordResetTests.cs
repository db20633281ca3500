using System.Net;
using System.Text.RegularExpressions;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Gem.Web.Tests.Account;

/// <summary>
/// "Wachtwoord vergeten?": the same answer for every address, a mail only for an account, a link that works once
/// and only unchanged, and after the reset the old password and the old sessions are gone.
/// </summary>
[SqliteOnly("reset mail and token pages through Identity; mail queue on both in OutboxTests")]
public sealed partial class PasswordResetTests : IAsyncLifetime
{
    private const string NewPassword = "Nieuw-wachtwoord-456";
    private GemWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static async Task<string> PostFormAsync(HttpClient client, string formPath, string postPath, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.OK)
    {
        fields["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, formPath);
        var response = await client.PostAsync(postPath, new FormUrlEncodedContent(fields));
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static Task<string> ForgotAsync(HttpClient client, string email) =>
        PostFormAsync(client, "/Account/ForgotPassword", "/Account/ForgotPassword", new() { ["Email"] = email });

    private static Task<string> ResetAsync(HttpClient client, string link, string password, string confirm) =>
        PostFormAsync(client, link, link, new() { ["Password"] = password, ["ConfirmPassword"] = confirm });

    private static string MainOf(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    private MimeMessage[] Mails() => Plan.CitizenAccountTests.Delivered(_factory) && Directory.Exists(_factory.MailFolder)
        ? Directory.GetFiles(_factory.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToArray()
        : [];

    /// <summary>The reset link in the one mail to this address, as a local path.</summary>
    private string ResetLink(string email)
    {
        var mail = Assert.Single(Mails(), m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)));
        var match = ResetLinkPattern().Match(mail.TextBody ?? "");
        Assert.True(match.Success, mail.TextBody);
        return match.Groups[1].Value;
    }

    private async Task<HttpStatusCode> SignInAsync(string email, string password)
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        return (await client.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(client, email, password))).StatusCode;
    }

    [Fact]
    public async Task Reset_FullFlowByMail_NewPasswordWorks_OldPasswordAndOldSessionsDoNot()
    {
        var user = await _factory.CreateUserAsync(Roles.Citizen);
        var oldSession = await _factory.SignedInClientAsync(user);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Contains("href=\"/Account/ForgotPassword\"", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        Assert.Contains("Send me a link", await _factory.CreateClient().GetStringAsync("/Account/ForgotPassword?culture=en-GB&ui-culture=en-GB"), StringComparison.Ordinal);
        var sent = await ForgotAsync(client, "  " + user.Email!.ToUpperInvariant() + " ");
        Assert.Contains("data-testid=\"forgot-sent\"", sent, StringComparison.Ordinal);
        var link = ResetLink(user.Email!);

        var form = await client.GetStringAsync(link);
        Assert.Contains("name=\"ConfirmPassword\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("reset-link-invalid", form, StringComparison.Ordinal);

        // Readable refusals that leave the link usable.
        Assert.Contains("De twee wachtwoorden zijn niet hetzelfde", await ResetAsync(client, link, NewPassword, NewPassword + "x"), StringComparison.Ordinal);
        Assert.Contains("niet sterk genoeg", await ResetAsync(client, link, "kort", "kort"), StringComparison.Ordinal);
        Assert.Contains("niet sterk genoeg", await ResetAsync(client, link, "alleenkleineletters", "alleenkleineletters"), StringComparison.Ordinal);

        var done = await ResetAsync(client, link, NewPassword, NewPassword);
        Assert.Contains("data-testid=\"reset-done\"", done, StringComparison.Ordinal);
        Assert.Contains("href=\"/mijn/inloggen\"", done, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await SignInAsync(user.Email!, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(user.Email!, NewPassword));
        // The reset changed the security stamp: a session from before it has ended.
        var mine = await oldSession.GetAsync("/mijn");
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/mijn/inloggen")]
    public async Task SignInPages_LinkToForgotPassword(string path)
    {
        var html = await _factory.CreateClient().GetStringAsync(path);

        Assert.Contains("<a href=\"/Account/ForgotPassword\" data-testid=\"forgot-password\">Wachtwoord vergeten?</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_UnknownAddress_SameAnswerAndNoMail()
    {
        var user = await _factory.CreateUserAsync(Roles.PartnerStaff);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var known = await ForgotAsync(client, user.Email!);
        var unknown = await ForgotAsync(client, $"niemand-{Guid.NewGuid():N}@test.gem.example");
        Assert.Equal(MainOf(known), MainOf(unknown));
        var mail = Assert.Single(Mails());
        Assert.Equal(user.Email, mail.To.Mailboxes.Single().Address);

        // Not an address at all: a readable message, no mail.
        Assert.Contains("data-testid=\"forgot-error\"", await ForgotAsync(client, "geen adres"), StringComparison.Ordinal);
        Assert.Single(Mails());
    }

    [Fact]
    public async Task Reset_UsedOrTamperedLink_Refused_PasswordUnchanged()
    {
        var user = await _factory.CreateUserAsync(Roles.Citizen);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        await ForgotAsync(client, user.Email!);
        var link = ResetLink(user.Email!);

        // Tampered: one character of the code changed, another account's id, no code.
        var code = link[(link.IndexOf("code=", StringComparison.Ordinal) + 5)..];
        var tampered = link.Replace("code=" + code, "code=" + (code[0] == 'A' ? 'B' : 'A') + code[1..], StringComparison.Ordinal);
        var other = await _factory.CreateUserAsync(Roles.Citizen);
        var otherUser = link.Replace(user.Id.ToString(), other.Id.ToString(), StringComparison.Ordinal);
        foreach (var bad in new[] { tampered, otherUser, $"/Account/ResetPassword?u={user.Id}", "/Account/ResetPassword?u=x&code=!!!" })
        {
            Assert.Contains("data-testid=\"reset-link-invalid\"", await client.GetStringAsync(bad), StringComparison.Ordinal);
            // The refusal page has no form; post with the real link's antiforgery token.
            var refused = await PostFormAsync(client, link, bad, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
            Assert.Contains("data-testid=\"reset-link-invalid\"", refused, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(user.Email!, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(other.Email!, WebTestExtensions.Password));

        // Used: the second time the same link is refused and the second password is not set.
        Assert.Contains("data-testid=\"reset-done\"", await ResetAsync(client, link, NewPassword, NewPassword), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reset-link-invalid\"", await client.GetStringAsync(link), StringComparison.Ordinal);
        var again = await PostFormAsync(client, "/Account/ForgotPassword", link, new() { ["Password"] = "Derde-wachtwoord-789", ["ConfirmPassword"] = "Derde-wachtwoord-789" });
        Assert.Contains("data-testid=\"reset-link-invalid\"", again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(user.Email!, "Derde-wachtwoord-789"));
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(user.Email!, NewPassword));
    }

    [Fact]
    public async Task Reset_ExpiredLink_Refused()
    {
        Assert.Equal(PasswordResetTokenProvider.Lifespan,
            _factory.Services.GetRequiredService<IOptions<PasswordResetTokenProviderOptions>>().Value.TokenLifespan);
        Assert.Equal(TimeSpan.FromHours(1), PasswordResetTokenProvider.Lifespan);

        // A host whose links expire at once, over the same database and mail folder.
        await using var expiring = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<PasswordResetTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromTicks(-1))));
        var user = await _factory.CreateUserAsync(Roles.Citizen);
        var client = expiring.CreateClient(new() { AllowAutoRedirect = false });
        await ForgotAsync(client, user.Email!);
        var link = ResetLink(user.Email!);
        Assert.Contains("data-testid=\"reset-link-invalid\"", await client.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await SignInAsync(user.Email!, WebTestExtensions.Password));
    }

    [GeneratedRegex(@"https?://[^/\s]+(/Account/ResetPassword\?u=[0-9a-f-]{36}&code=[A-Za-z0-9_\-%]+)")]
    private static partial Regex ResetLinkPattern();
}
