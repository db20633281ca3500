using Gem.Core.Diary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Diary;

/// <summary>
/// One moment, from the one-time link in a notification or mail (/dagboek/m/{token}): no sign-in and no script needed.
/// Opening it counts as "opened"; the form is five sliders, where / with whom / doing what, "rather something else?" and
/// an optional word; "Niet nu" is a choice, not a miss. After the expiry the answer is still kept, flagged late.
/// </summary>
public sealed class MomentModel(DiaryService diaries, TimeProvider clock) : PageModel
{
    public static readonly string[] Moods = [nameof(DiaryAnswer.Cheerful), nameof(DiaryAnswer.Down), nameof(DiaryAnswer.Anxious), nameof(DiaryAnswer.Relaxed), nameof(DiaryAnswer.Irritated)];

    public DiaryMoment? Moment { get; private set; }
    public bool Expired { get; private set; }
    public MomentOutcome? Outcome { get; private set; }
    public bool Invalid { get; private set; }

    [BindProperty] public int Cheerful { get; set; } = 4;
    [BindProperty] public int Down { get; set; } = 4;
    [BindProperty] public int Anxious { get; set; } = 4;
    [BindProperty] public int Relaxed { get; set; } = 4;
    [BindProperty] public int Irritated { get; set; } = 4;
    [BindProperty] public DiaryPlace? Place { get; set; }
    [BindProperty] public DiaryCompany? Company { get; set; }
    [BindProperty] public DiaryActivity? Activity { get; set; }
    [BindProperty] public bool? RatherElse { get; set; }
    [BindProperty] public string? Word { get; set; }

    public int Value(string mood) => mood switch
    {
        nameof(Cheerful) => Cheerful, nameof(Down) => Down, nameof(Anxious) => Anxious, nameof(Relaxed) => Relaxed, _ => Irritated,
    };

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (await LoadAsync(token) is { } missing) return missing;
        await diaries.OpenedAsync(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string token)
    {
        if (await LoadAsync(token) is { } missing) return missing;
        if (Place is not { } place || Company is not { } company || Activity is not { } activity)
        {
            Invalid = true;
            return Page();
        }
        try
        {
            Outcome = await diaries.AnswerAsync(token, new DiaryAnswer(Cheerful, Down, Anxious, Relaxed, Irritated, place, company, activity, RatherElse, Word));
        }
        catch (ValidationException)
        {
            Invalid = true;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSkipAsync(string token)
    {
        if (await LoadAsync(token) is { } missing) return missing;
        Outcome = await diaries.SkipAsync(token) == MomentOutcome.Saved ? MomentOutcome.Saved : MomentOutcome.AlreadyDone;
        if (Outcome == MomentOutcome.Saved) TempDataSkipped = true;
        return Page();
    }

    public bool TempDataSkipped { get; private set; }

    private async Task<IActionResult?> LoadAsync(string token)
    {
        Moment = await diaries.FindAsync(token);
        if (Moment is null) return NotFound();
        Expired = clock.GetUtcNow() > Moment.ExpiresAt;
        // Robots and previews must not keep or pass on the link.
        Response.Headers["X-Robots-Tag"] = "noindex";
        Response.Headers.CacheControl = "no-store";
        return null;
    }
}
