using System.Net;
using System.Text.RegularExpressions;
using Gem.Core.Identity;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Testing;

public static partial class WebTestExtensions
{
    public const string Password = "Test-wachtwoord-123";

    /// <summary>Creates an account with a role (and for staff, a partner) directly through Identity.</summary>
    public static async Task<GemUser> CreateUserAsync(this GemWebFactory factory, string role, Guid? partnerId = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<GemUser>>();
        var email = $"{role}-{Guid.NewGuid():N}@test.gem.example";
        var user = new GemUser { UserName = email, Email = email, EmailConfirmed = true, PartnerId = partnerId };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    /// <summary>A client signed in through the real sign-in page (antiforgery token and cookie included).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this GemWebFactory factory, GemUser user, string password = Password)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.PostAsync("/Account/Login", await LoginFormAsync(client, user.Email!, password));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException("Sign-in failed: " + response.StatusCode);
        return client;
    }

    public static async Task<FormUrlEncodedContent> LoginFormAsync(HttpClient client, string email, string password) =>
        new(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/Account/Login"),
        });

    /// <summary>Reads the antiforgery token from a page's form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + path);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
