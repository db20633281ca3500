using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gem.Core.Consent;
using Gem.Core.Identity;
using Gem.Core.Plan;
using Microsoft.AspNetCore.Identity;

namespace Gem.Web.Plan;

/// <summary>Plan's web pieces: JSON for exports, the export endpoints and the category slugs.</summary>
public static class PlanSetup
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapPlanApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/mijn").RequireAuthorization(IdentitySetup.CitizenPolicy).ExcludeFromDescription();
        me.MapGet("/export.json", async (ClaimsPrincipal user, PersonalData data, CancellationToken ct) =>
        {
            var export = await data.ExportAsync(user.UserId(), ct);
            return Results.Text(JsonSerializer.Serialize(export, Json), "application/json", Encoding.UTF8);
        });
        me.MapGet("/export.fhir.json", async (ClaimsPrincipal user, PersonalData data, CancellationToken ct) =>
        {
            var export = await data.ExportAsync(user.UserId(), ct);
            return Results.Text(PlanFhir.Serialize(PlanFhir.ToBundle(export)), "application/fhir+json", Encoding.UTF8);
        });
    }

    /// <summary>URL names of the categories (Dutch, as the rest of the site).</summary>
    public static readonly IReadOnlyDictionary<DataCategory, string> Slugs = new Dictionary<DataCategory, string>
    {
        [DataCategory.Plan] = "plan",
        [DataCategory.Goals] = "doelen",
        [DataCategory.Story] = "verhaal",
        [DataCategory.CrisisPlan] = "crisisplan",
        [DataCategory.CheckIns] = "checkins",
        [DataCategory.Enrolments] = "aanmeldingen",
        [DataCategory.Consultation] = "vragen",
        [DataCategory.Diary] = "dagboek",
    };

    public static DataCategory? FromSlug(string? slug) =>
        Slugs.FirstOrDefault(s => string.Equals(s.Value, slug, StringComparison.OrdinalIgnoreCase)) is { Value: not null } hit ? hit.Key : null;
}
