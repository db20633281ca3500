using Gem.Core.Abuse;
using Gem.Core.Data;
using Gem.Core.Groups;
using Gem.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Groups;

/// <summary>
/// Find your enrolment again with the short code and the e-mail address or phone number you gave (decision 006). No
/// account needed. A wrong code and a wrong contact get the same answer, and tries are limited per client.
/// </summary>
public sealed class FindModel(GemDbContext db, AbuseLimits limits) : PageModel
{
    /// <summary>Tries per client address: plenty for mistyping, far too few for guessing.</summary>
    public static readonly RateRule FindPerIp = new("find-enrolment-ip", 20, TimeSpan.FromMinutes(15));

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Contact { get; set; }
    public bool NoMatch { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await limits.EnsureAsync([(FindPerIp, AbuseLimits.ClientOf(HttpContext))], ct);
        var enrolment = await EnrolmentCode.FindAsync(db, Code, Contact, ct);
        if (enrolment is null)
        {
            NoMatch = true;
            return Page();
        }
        return Redirect("/groups/enrolment/" + enrolment.Token);
    }
}
