using System.Security.Claims;
using Gem.Core.Diary;
using Gem.Web.Plan;

namespace Gem.Web.Diary;

/// <summary>The Diary capability (experience sampling): its services, the prompt sender, the extra page route and the endpoints the service worker calls.</summary>
public static class DiaryModule
{
    public static void AddDiary(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiaryOptions>().BindConfiguration(DiaryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DiaryService>();
        services.AddScoped<DiaryProposals>();
        services.AddScoped<DiarySmsChoices>();
        services.AddScoped<Gem.Core.Sms.ISmsRenderer, DiaryPromptSms>(); // prompts by SMS for people who chose it
        services.AddScoped<Gem.Core.Diary.Research.DiaryStudies>();
        services.AddSingleton<DiaryPush>();
        services.AddSingleton<DiaryPromptSender>();
        // Tests switch background loops off (as Groups' reminders) and drive DiaryPromptSender.RunOnceAsync with a fake clock.
        if (builder.Configuration.GetValue("Gem:Reminders:Enabled", true)) services.AddHostedService(sp => sp.GetRequiredService<DiaryPromptSender>());
        // "Jouw week" of someone who shares it: next to the plan's other categories (a literal segment wins over {category}).
        services.AddRazorPages(o => o.Conventions.AddPageRoute("/Diary/Week", "/plan/{personId:guid}/dagboek"));
    }

    public sealed record Keys(string P256dh, string Auth);
    public sealed record Subscription(string Endpoint, Keys Keys);

    public static void MapDiary(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dagboek").ExcludeFromDescription();
        // The browser's subscription, posted by diary.js as JSON (a cross-site form cannot send application/json without a
        // preflight, and the sign-in cookie is SameSite): kept per endpoint.
        group.MapPost("/abonnement", async (HttpRequest request, ClaimsPrincipal user, DiaryService diaries, CancellationToken ct) =>
        {
            if (!request.HasJsonContentType()) return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the subscription as application/json.");
            Subscription? s;
            try
            {
                s = await request.ReadFromJsonAsync<Subscription>(ct);
            }
            catch (System.Text.Json.JsonException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a push subscription.", detail: e.Message);
            }
            if (s?.Keys is null) return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a push subscription.");
            await diaries.SubscribeAsync(user.UserId(), s.Endpoint, s.Keys.P256dh, s.Keys.Auth, ct);
            return Results.NoContent();
        }).RequireAuthorization(IdentitySetup.CitizenPolicy).DisableAntiforgery();
        // The service worker says it received and showed a prompt ("delivered"); the one-time token is the only key.
        group.MapPost("/m/{token}/ontvangen", async (string token, DiaryService diaries, CancellationToken ct) =>
            await diaries.DeliveredAsync(token, ct) ? Results.NoContent() : Results.NotFound()).DisableAntiforgery();
    }
}
