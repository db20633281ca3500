using Gem.Core.Plan;

namespace Gem.Web.Plan;

/// <summary>Plan in the host: the personal plan, its export and the export endpoints.</summary>
public static class PlanModule
{
    public static void AddPlan(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<PlanService>();
        services.AddScoped<PersonalData>();
    }

    public static IEndpointRouteBuilder MapPlan(this IEndpointRouteBuilder app)
    {
        app.MapPlanApi();
        return app;
    }
}
