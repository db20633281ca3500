using Gem.Core.Common;
using Gem.Core.Consultation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Consultation;

/// <summary>The asker's own question and its answer, behind the secret link; no index, no referrer.</summary>
public sealed class PublicAnswerModel(PublicQuestions questions) : PageModel
{
    public PublicQuestion Question { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        try
        {
            Question = await questions.ByTokenAsync(token, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
