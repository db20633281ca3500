using System.Net;
using Gem.Core.Common;
using Gem.Core.Atlas;
using Gem.Core.Consultation;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gem.Web.Tests.Consultation;

/// <summary>The E-spreekuur: ask without an account, answer, publish only de-identified text, find it by life domain, rendered safely.</summary>
public sealed class PublicQuestionTests
{
    [SqliteOnly("pages and escaping; the public-question limits run on both in PublicQuestionLimitTests")]
    [Fact]
    public async Task AskAnswerPublish_LibraryShowsOnlyTheApprovedText_Escaped()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var asked = await anonymous.PostAsync("/spreekuur", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Question"] = "Mijn zoon Tim (tim@voorbeeld.nl) gamet de hele nacht. <script>alert(1)</script> Wat kan ik doen?",
            ["Domain"] = nameof(LifeDomains.Addiction),
            ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(anonymous, "/spreekuur"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var own = asked.Headers.Location!.ToString();
        Assert.StartsWith("/spreekuur/vraag/", own, StringComparison.Ordinal);
        var ownPage = await anonymous.GetStringAsync(own);
        Assert.DoesNotContain("<script>alert(1)</script>", ownPage, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", ownPage, StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<GemDbContext>();
        var ggz = await db.Partners.Where(p => p.Sector == Sector.GroteGgz && p.IsFictional).Select(p => p.Id).FirstAsync();
        var user = await factory.CreateUserAsync(Roles.Specialist, ggz);
        await sp.GetRequiredService<ConsultationPool>().AddAsync(user.Id, Discipline.Verslavingsarts);
        var questions = sp.GetRequiredService<PublicQuestions>();
        var q = await db.Set<PublicQuestion>().AsNoTracking().SingleAsync();
        // Not a specialist of the pool: not found.
        var staff = await factory.CreateUserAsync(Roles.PartnerStaff, ggz);
        await Assert.ThrowsAsync<NotFoundException>(() => questions.AnswerAsync(staff.Id, q.Id, "x"));
        await questions.AnswerAsync(user.Id, q.Id, "Maak samen afspraken over schermtijd en zoek steun bij een oudergroep.");
        Assert.Contains("oudergroep", await anonymous.GetStringAsync(own), StringComparison.Ordinal);

        // Nothing in the library before approval; an e-mail address is refused.
        Assert.DoesNotContain("gamet", await anonymous.GetStringAsync("/spreekuur"), StringComparison.Ordinal);
        await Assert.ThrowsAsync<ValidationException>(() => questions.PublishAsync(user.Id, q.Id, q.Question, "Antwoord"));
        await questions.PublishAsync(user.Id, q.Id, "Een ouder vraagt: mijn zoon gamet de hele nacht <b>vet</b>. Wat kan ik doen?", "Maak samen afspraken over schermtijd.");

        var library = await anonymous.GetStringAsync("/spreekuur?filter=Addiction");
        Assert.Contains("mijn zoon gamet de hele nacht", library, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;vet&lt;/b&gt;", library, StringComparison.Ordinal);
        Assert.DoesNotContain("tim@voorbeeld.nl", library, StringComparison.Ordinal);
        Assert.DoesNotContain("mijn zoon gamet", await anonymous.GetStringAsync("/spreekuur?filter=Housing"), StringComparison.Ordinal);
        Assert.Contains("mijn zoon gamet", await anonymous.GetStringAsync("/spreekuur?words=schermtijd"), StringComparison.Ordinal);
    }

    [SqliteOnly("pages and escaping; the public-question limits run on both in PublicQuestionLimitTests")]
    [Fact]
    public async Task Ask_WithCrisisWords_GoesToCrisisPage()
    {
        await using var factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });
        var asked = await anonymous.PostAsync("/spreekuur", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Question"] = "Ik wil niet meer leven", ["Domain"] = nameof(LifeDomains.LowMood),
            ["__RequestVerificationToken"] = await WebTestExtensions.AntiforgeryTokenAsync(anonymous, "/spreekuur"),
        }));
        Assert.Equal("/crisis", asked.Headers.Location?.ToString());
        await using var db = factory.Database.CreateContext();
        Assert.False(await db.Set<PublicQuestion>().AnyAsync());
    }
}
