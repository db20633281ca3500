using Gem.Core.Consent;

namespace Gem.Web.Consent;

/// <summary>Consent in the host: who may see what (<see cref="PlanAccess"/>) the consents themselves and the resource group (<see cref="ResourceGroup"/>). Pages only, no API.</summary>
public static class ConsentModule
{
    public static void AddConsent(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanAccess>();
        builder.Services.AddScoped<ConsentService>();
        builder.Services.AddScoped<ResourceGroup>();
    }

    /// <summary>No endpoints of its own: its pages (Pages/Consent) are mapped with every Razor page. Here so Program.cs wires every capability the same way.</summary>
    public static IEndpointRouteBuilder MapConsent(this IEndpointRouteBuilder app) => app;
}
