using System.Globalization;
using Gem.Core.Diary;
using Gem.Core.Diary.Research;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Diary;

/// <summary>
/// One moment, from the one-time link in a notification or mail (/dagboek/m/{token}): no sign-in and no script needed.
/// Opening it counts as "opened"; the form is five sliders, where / with whom / doing what, "rather something else?" and
/// an optional word; "Niet nu" is a choice, not a miss. After the expiry the answer is still kept, flagged late.
/// A moment of a study's diary asks only the study's items and its extra 1–7 items (decision 804).
/// </summary>
public sealed class MomentModel(DiaryService diaries, DiaryStudies studies, TimeProvider clock) : PageModel
{
    public static readonly string[] Moods = [nameof(DiaryAnswer.Cheerful), nameof(DiaryAnswer.Down), nameof(DiaryAnswer.Anxious), nameof(DiaryAnswer.Relaxed), nameof(DiaryAnswer.Irritated)];

    public DiaryMoment? Moment { get; private set; }
    /// <summary>The study this moment's diary belongs to, or null for the person's own diary (every item asked).</summary>
    public DiaryStudyProtocol? Study { get; private set; }
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

    /// <summary>Whether the form asks this item (an id of <see cref="DiaryStudyProtocols.OwnItems"/>).</summary>
    public bool Asks(string item) => Study is null || Study.Items.Contains(item, StringComparer.Ordinal);

    public static string ItemId(string mood) => char.ToLowerInvariant(mood[0]) + mood[1..];

    /// <summary>An extra item's question in the page's language (English when the study gives it), else Dutch.</summary>
    public static string Text(StudyExtraItem item) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && item.TextEn is { } en ? en : item.TextNl;

    /// <summary>The value posted (or, on the first view, the middle) of an extra item's slider.</summary>
    public int ExtraValue(StudyExtraItem item) =>
        Request.HasFormContentType && int.TryParse(Request.Form["extra-" + item.Id], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 4;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        if (await LoadAsync(token) is { } missing) return missing;
        await diaries.OpenedAsync(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(string token)
    {
        if (await LoadAsync(token) is { } missing) return missing;
        int? Mood(string mood, int value) => Asks(ItemId(mood)) ? value : null;
        var answer = new DiaryAnswer(Mood(nameof(Cheerful), Cheerful), Mood(nameof(Down), Down), Mood(nameof(Anxious), Anxious), Mood(nameof(Relaxed), Relaxed),
            Mood(nameof(Irritated), Irritated), Asks("place") ? Place : null, Asks("company") ? Company : null, Asks("activity") ? Activity : null,
            Asks("ratherElse") ? RatherElse : null, Asks("word") ? Word : null);
        try
        {
            Outcome = Study is null
                ? await diaries.AnswerAsync(token, answer)
                : await diaries.AnswerAsync(token, answer, Study.Items, Study.ExtraItems.ToDictionary(x => x.Id, ExtraValue));
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
        Study = await studies.ForDiaryAsync(Moment.DiaryId, HttpContext.RequestAborted);
        Expired = clock.GetUtcNow() > Moment.ExpiresAt;
        // Robots and previews must not keep or pass on the link.
        Response.Headers["X-Robots-Tag"] = "noindex";
        Response.Headers.CacheControl = "no-store";
        return null;
    }
}
