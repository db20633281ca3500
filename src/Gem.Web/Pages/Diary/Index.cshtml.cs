using System.Globalization;
using Gem.Core.Diary;
using Gem.Core.Diary.Research;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Diary;

/// <summary>
/// My diary (/mijn/dagboek): start one with my own waking window and days, change or stop it, turn notifications on
/// (a small script; without it the prompts come by e-mail), ask for a test prompt, and the notice when prompts seem not
/// to arrive. Open research studies are listed, each joined only by an explicit choice (an unticked box) and left at any
/// time (decision 804).
/// </summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class IndexModel(DiaryService diaries, DiaryPush push, DiaryStudies studies) : PageModel
{
    public IReadOnlyList<DiaryStudyProtocol> OpenStudies { get; private set; } = [];
    public IReadOnlyList<string> JoinedStudies { get; private set; } = [];

    public PersonalDiary? Diary { get; private set; }
    public bool Running { get; private set; }
    public List<DiaryMoment> Moments { get; private set; } = [];
    public int Subscriptions { get; private set; }
    public string VapidKey { get; private set; } = "";
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public int Days { get; set; }
    [BindProperty] public string WakeFrom { get; set; } = "";
    [BindProperty] public string WakeUntil { get; set; } = "";
    [BindProperty] public int PerDay { get; set; }
    [BindProperty] public int MinGap { get; set; }

    public async Task OnGetAsync(string? done)
    {
        Done = done;
        await LoadAsync(fillForm: true);
    }

    public Task<IActionResult> OnPostStartAsync() => Do(me => Input() is { } input ? diaries.StartAsync(me, input) : Task.CompletedTask, "started");
    public Task<IActionResult> OnPostChangeAsync() => Do(me => Input() is { } input ? diaries.ChangeAsync(me, input) : Task.CompletedTask, "changed");
    public Task<IActionResult> OnPostStopAsync() => Do(me => diaries.StopAsync(me), "stopped");
    public Task<IActionResult> OnPostTestAsync() => Do(me => diaries.TestPromptAsync(me), "test");
    public Task<IActionResult> OnPostUnsubscribeAsync() => Do(me => diaries.UnsubscribeAllAsync(me), "unsubscribed");

    /// <summary>Joins a study only with the consent box ticked; without it nothing changes and the page says why.</summary>
    public Task<IActionResult> OnPostJoinAsync(string studyId, bool consent) =>
        Do(me => consent ? studies.JoinAsync(me, studyId ?? "") : throw new ValidationException("consent", "Tick the box to join."), "joined");

    public Task<IActionResult> OnPostLeaveAsync(string studyId) => Do(me => studies.LeaveAsync(me, studyId ?? ""), "left");

    /// <summary>The resource key that names one of the diary's own items on the page.</summary>
    public static string ItemKey(string item) => item switch
    {
        "place" => "Moment.Where",
        "company" => "Moment.WithWhom",
        "activity" => "Moment.Doing",
        "ratherElse" => "Moment.RatherElse",
        "word" => "Moment.Word",
        _ => "Mood." + char.ToUpperInvariant(item[0]) + item[1..],
    };

    private DiaryInput? Input()
    {
        if (!TimeOnly.TryParseExact(WakeFrom, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(WakeUntil, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            throw new ValidationException("WakeFrom", "Times as HH:mm.");
        return new DiaryInput(Days, from, until, PerDay, MinGap);
    }

    private async Task<IActionResult> Do(Func<Guid, Task> change, string done)
    {
        try
        {
            await change(User.UserId());
        }
        catch (ValidationException e)
        {
            Error = e.Errors.ContainsKey("consent") ? "Error.Consent" : "Error.Invalid";
        }
        catch (ConflictException)
        {
            Error = "Error.Running";
        }
        catch (NotFoundException)
        {
            Error = done is "joined" or "left" ? "Error.Study" : "Error.NoDiary";
        }
        if (Error is null) return Redirect("/mijn/dagboek?done=" + done);
        await LoadAsync(fillForm: false);
        return Page();
    }

    private async Task LoadAsync(bool fillForm)
    {
        var me = User.UserId();
        Diary = await diaries.CurrentAsync(me);
        Running = Diary is not null && diaries.IsRunning(Diary);
        if (Diary is not null) Moments = await diaries.MomentsAsync(Diary.Id);
        Subscriptions = await diaries.SubscriptionCountAsync(me);
        OpenStudies = await studies.OpenAsync(HttpContext.RequestAborted);
        JoinedStudies = await studies.JoinedAsync(me, HttpContext.RequestAborted);
        VapidKey = await push.PublicKeyAsync(HttpContext.RequestAborted);
        if (!fillForm) return;
        var d = Running && Diary is not null
            ? new DiaryInput(Diary.Days, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Diary.WakeFromMinutes)), TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(Diary.WakeUntilMinutes)), Diary.PerDay, Diary.MinGapMinutes)
            : diaries.Defaults();
        (Days, WakeFrom, WakeUntil, PerDay, MinGap) = (d.Days, d.WakeFrom.ToString("HH:mm", CultureInfo.InvariantCulture), d.WakeUntil.ToString("HH:mm", CultureInfo.InvariantCulture), d.PerDay, d.MinGapMinutes);
    }

    public int Count(Func<DiaryMoment, bool> which) => Moments.Count(m => !m.IsTest && which(m));
}
