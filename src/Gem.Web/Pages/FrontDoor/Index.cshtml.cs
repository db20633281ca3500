using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.FrontDoor;
using Gem.Web.FrontDoor;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.FrontDoor;

/// <summary>
/// The contextual conversation: what is going on, who is around you, what would you like, where and when.
/// Step 1 is a POST (own words stay out of addresses and logs); steps 2–4 are GET forms that carry the answers
/// in hidden fields. No antiforgery token and so no cookie: nothing here changes anything tied to a person.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel(FrontDoorCounter counter, TimeProvider clock) : PageModel
{
    public FrontDoorQuery Query { get; private set; } = new();
    public int Step { get; private set; } = 1;

    /// <summary>The fields the current step asks, left out of the hidden fields so the form's own inputs win.</summary>
    public string[] OwnFields => Step switch
    {
        2 => ["who"],
        3 => ["w"],
        4 => ["pc4", "where", "day"],
        _ => [],
    };

    public void OnGet()
    {
        Query = FrontDoorQuery.From(Request.Query);
        Step = int.TryParse(Request.Query["stap"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 4) : 1;
    }

    /// <summary>Step 1: reads the own words once for crisis signals and life-domain words, counts anonymously, and moves on without them.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var form = FrontDoorQuery.From(Request.Form);
        string? own = Request.Form["eigen"];
        var answers = new FrontDoorAnswers { Domains = form.ToAnswers().Domains, OwnWords = own, NotSafe = Request.Form["nietveilig"] == "1" };
        var crisis = CrisisSignals.IsAcute(answers);
        var next = new FrontDoorQuery
        {
            Domain = form.Domain,
            OwnDomains = (int)FrontDoorMatcher.OwnWordsDomains(own),
            Crisis = crisis ? 1 : 0,
            Visit = LocalTime.Day(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        var counts = new List<(CountKind, string)> { (CountKind.Conversation, "all") };
        if (crisis) counts.Add((CountKind.Conversation, "crisis"));
        counts.AddRange(form.Domain.Select(d => (CountKind.DomainChosen, d.ToString())));
        await counter.AddAsync(counts, ct);

        return Redirect("/voorportaal?stap=2&" + next.ToQueryString());
    }
}
