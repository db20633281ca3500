using System.Net;
using System.Text.RegularExpressions;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Web.Tests.Plan;

/// <summary>Citizen registration without account enumeration, confirmation before sign-in, and claiming an enrolment made without an account.</summary>
[SqliteOnly("account pages; plan storage and erasure run on both in PlanFlowTests and ErasureFilesTests")]
public sealed partial class CitizenAccountTests : IAsyncLifetime
{
    private GemWebFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<string> RegisterAsync(HttpClient client, string email, string name, string password)
    {
        var response = await client.PostAsync("/mijn/registreren", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Name"] = name, ["Password"] = password,
            ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, "/mijn/registreren"),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Delivers the outbox; always true, so helpers can call it in an expression.</summary>
    internal static bool Delivered(GemWebFactory factory)
    {
        factory.DeliverMail();
        return true;
    }

    /// <summary>Each delivered mail as its recipients and decoded text (the files are quoted-printable).</summary>
    internal static string[] MailTexts(string folder) =>
        Directory.GetFiles(folder, "*.eml").Select(f => MimeKit.MimeMessage.Load(f)).Select(m => m.To + "\n" + m.Subject + "\n" + m.TextBody).ToArray();

    private string[] Mails(string to) => Delivered(_factory) && Directory.Exists(_factory.MailFolder)
        ? MailTexts(_factory.MailFolder).Where(m => m.Contains(to, StringComparison.OrdinalIgnoreCase)).ToArray()
        : [];

    [Fact]
    public async Task Register_NewAndExistingAddress_SamePageAndConfirmBeforeSignIn()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var email = $"burger-{Guid.NewGuid():N}@test.gem.example";
        var first = await RegisterAsync(client, email, "Sam", WebTestExtensions.Password);
        var second = await RegisterAsync(client, email, "Iemand anders", "Ander-wachtwoord-456");
        Assert.Contains("data-testid=\"register-sent\"", first, StringComparison.Ordinal);
        static string Main(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Equal(Main(first), Main(second));

        var mails = Mails(email);
        Assert.Equal(2, mails.Length);
        await using (var db = _factory.Database.CreateContext())
            Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));

        // Not confirmed yet: the sign-in page answers as for a wrong password.
        var login = _factory.CreateClient(new() { AllowAutoRedirect = false });
        var early = await login.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(login, email, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);

        var confirm = mails.Select(m => ConfirmLink().Match(m.Replace("=\r\n", "", StringComparison.Ordinal).Replace("=3D", "=", StringComparison.Ordinal))).Single(m => m.Success).Groups[1].Value;
        var confirmed = await client.GetStringAsync(confirm);
        Assert.Contains("data-testid=\"confirmed\"", confirmed, StringComparison.Ordinal);
        var signedIn = await login.PostAsync("/Account/Login", await WebTestExtensions.LoginFormAsync(login, email, WebTestExtensions.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await login.GetAsync("/mijn")).StatusCode);
    }

    [Fact]
    public async Task Claim_TokenAndSameEmail_LinksEnrolment_OtherwiseNotFound()
    {
        var citizen = await _factory.CreateUserAsync(Roles.Citizen);
        var client = await _factory.SignedInClientAsync(citizen);
        Enrolment mine, someoneElses;
        await using (var db = _factory.Database.CreateContext())
        {
            var session = await db.Sessions.OrderBy(s => s.Start).FirstAsync();
            mine = new Enrolment { OfferId = session.OfferId, SessionId = session.Id, Name = "Sam", Email = citizen.Email!.ToUpperInvariant(), CreatedAt = DateTimeOffset.UtcNow };
            someoneElses = new Enrolment { OfferId = session.OfferId, SessionId = session.Id, Name = "Kim", Email = "kim@test.gem.example", CreatedAt = DateTimeOffset.UtcNow };
            db.Enrolments.AddRange(mine, someoneElses);
            await db.SaveChangesAsync();
        }
        async Task<HttpResponseMessage> Claim(string token) => await client.PostAsync("/mijn/aanmelding-koppelen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Token"] = token, ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(client, "/mijn/aanmelding-koppelen"),
        }));

        var refused = await Claim(someoneElses.Token);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("claim-failed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Claim(mine.Token)).StatusCode);

        await using var check = _factory.Database.CreateContext();
        Assert.Equal(citizen.Id, (await check.Enrolments.FindAsync(mine.Id))!.UserId);
        Assert.Null((await check.Enrolments.FindAsync(someoneElses.Id))!.UserId);
        Assert.Contains("data-testid=\"enrolments\"", await client.GetStringAsync("/mijn"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(/mijn/bevestigen\?u=[0-9a-f-]+&code=[^\s]+)")]
    private static partial Regex ConfirmLink();
}
