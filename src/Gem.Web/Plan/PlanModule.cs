using Gem.Core.Identity;
using Gem.Core.Plan;

namespace Gem.Web.Plan;

/// <summary>Plan in the host: the personal plan, resource group and export, the citizen policy, and the export endpoints.</summary>
public static class PlanModule
{
    public static void AddPlan(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PlanService>();
        services.AddScoped<ResourceGroup>();
        services.AddScoped<PersonalData>();
        services.AddAuthorizationBuilder().AddPolicy(PlanSetup.CitizenPolicy, p => p.RequireRole(Roles.Citizen));
    }

    public static IEndpointRouteBuilder MapPlan(this IEndpointRouteBuilder app)
    {
        app.MapPlanApi();
        return app;
    }
}
