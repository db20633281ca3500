using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages;

/// <summary>The home page is the front door: it opens with the first question of the conversation. No cookie is set here.</summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
