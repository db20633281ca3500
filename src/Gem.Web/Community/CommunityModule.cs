using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Gem.Core.Abuse;
using Gem.Core.Community;
using Gem.Web.Hosting;

namespace Gem.Web.Community;

/// <summary>The hosted eCommunity (issue 20): its services, its spaces at start, the posting limits and the export endpoint.</summary>
public static class CommunityModule
{
    // Posting is a cheap write: per client address (generous, a school shares one) and per member (tight).
    public static readonly RateRule PostPerIp = new("community-post-ip", 60, TimeSpan.FromHours(1));
    public static readonly RateRule PostPerMember = new("community-post-member", 20, TimeSpan.FromHours(1));
    public static readonly RateRule FlagPerMember = new("community-flag-member", 30, TimeSpan.FromHours(1));
    public static readonly RateRule JoinPerIp = new("community-join-ip", 10, TimeSpan.FromHours(1));
    /// <summary>The harms survey: one answer per member per 30 days, so one member cannot tilt the figures.</summary>
    public static readonly RateRule SurveyPerMember = new("community-survey-member", 1, TimeSpan.FromDays(30));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void AddCommunity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CommunityOptions>().BindConfiguration(CommunityOptions.Section)
            .Validate(o => o.FirstPostsApproval >= 0 && o.FlagThreshold >= 1 && o.MemberFlagThreshold >= 1 && o.StrikesToSuspend >= 1
                && o.ModeratedFromHour is >= 0 and <= 24 && o.ModeratedToHour is >= 0 and <= 24 && o.ModeratedFromHour < o.ModeratedToHour,
                "Gem:Community: thresholds at least 1, hours 0-24 with from < to.")
            .ValidateOnStart();
        services.AddScoped<CommunityService>();
        services.AddScoped<Moderation>();
        services.AddScoped<CommunitySearch>();
        services.AddHostedService<CommunitySpacesStartup>();
    }

    public static void MapCommunity(this IEndpointRouteBuilder app)
    {
        // An offer's "ervaringen" thread and an online group's room are made on first use, from the atlas and the enrolment.
        app.MapGet("/community/aanbod/{offerId:guid}", async (Guid offerId, CommunityService community, CancellationToken ct) =>
            Results.Redirect("/community/ruimte/" + (await community.OfferSpaceAsync(offerId, SpaceKind.Offer, ct)).Slug)).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/community/groep/{offerId:guid}", async (Guid offerId, CommunityService community, CancellationToken ct) =>
            Results.Redirect("/community/ruimte/" + (await community.OfferSpaceAsync(offerId, SpaceKind.GroupRoom, ct)).Slug)).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/community/mijn/export.json", async (ClaimsPrincipal user, CommunityService community, CancellationToken ct) =>
        {
            var export = await community.ExportAsync(user.UserId(), ct);
            return export is null ? Results.NotFound() : Results.Text(JsonSerializer.Serialize(export, Json), "application/json", Encoding.UTF8);
        }).RequireAuthorization().ExcludeFromDescription();
    }

    /// <summary>Counts one post against the client's address and the member; refuses with 429 over the limit.</summary>
    public static Task PostingAsync(this AbuseLimits limits, HttpContext http, Guid userId, CancellationToken ct) =>
        limits.EnsureAsync([(PostPerIp, AbuseLimits.ClientOf(http)), (PostPerMember, userId.ToString("N"))], ct);
}

/// <summary>Makes the open themes, the youth space and the naasten space at start (once; a no-op afterwards).</summary>
public sealed class CommunitySpacesStartup(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CommunityService>().EnsureSpacesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
