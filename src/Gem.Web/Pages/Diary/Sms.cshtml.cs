using Gem.Core.Diary;
using Gem.Web.Plan;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gem.Web.Pages.Diary;

/// <summary>
/// Diary prompts by SMS (/mijn/dagboek/sms): opt in with the account's phone number (asked here when there is none, or
/// changed), or back to mail. Only prompts that cannot go as a notification go by SMS.
/// </summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class SmsModel(DiarySmsChoices choices) : PageModel
{
    public bool BySms { get; private set; }
    public bool Invalid { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string? Phone { get; set; }

    public async Task OnGetAsync(string? done)
    {
        Done = done;
        var state = await choices.GetAsync(User.UserId(), HttpContext.RequestAborted);
        (BySms, Phone) = (state.BySms, state.Phone);
    }

    public async Task<IActionResult> OnPostOnAsync()
    {
        try
        {
            await choices.ChooseAsync(User.UserId(), Phone, HttpContext.RequestAborted);
            return Redirect("/mijn/dagboek/sms?done=on");
        }
        catch (ValidationException)
        {
            Invalid = true;
            BySms = (await choices.GetAsync(User.UserId(), HttpContext.RequestAborted)).BySms;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostOffAsync()
    {
        await choices.StopAsync(User.UserId(), HttpContext.RequestAborted);
        return Redirect("/mijn/dagboek/sms?done=off");
    }
}
