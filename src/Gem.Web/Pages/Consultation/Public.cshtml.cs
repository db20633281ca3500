using Gem.Core.Common;
using Gem.Core.Atlas;
using Gem.Core.Consultation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Consultation;

/// <summary>The E-spreekuur: ask anonymously (answer behind a secret link), and search the library of published, de-identified answers.</summary>
public sealed class PublicModel(PublicQuestions questions, Gem.Web.Hosting.AbuseLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true)] public LifeDomains? Filter { get; set; }
    [BindProperty(SupportsGet = true)] public string? Words { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public LifeDomains Domain { get; set; }
    public List<PublicQuestion> Library { get; private set; } = [];
    public bool Invalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Library = await questions.LibraryAsync(Filter, Words, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Anonymous writes are limited (decision 621): a refusal answers the 429 status page.
        await limits.PublicQuestionAsync(HttpContext, Question, ct);
        try
        {
            var q = await questions.AskAsync(Question, Domain, ct);
            return Redirect("/spreekuur/vraag/" + q.Token);
        }
        catch (CrisisException)
        {
            return Redirect("/crisis");
        }
        catch (ValidationException)
        {
            Invalid = true;
            Library = await questions.LibraryAsync(null, null, ct);
            return Page();
        }
    }
}
