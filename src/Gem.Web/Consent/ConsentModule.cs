using Gem.Core.Consent;

namespace Gem.Web.Consent;

/// <summary>Consent in the host: who may see what (<see cref="PlanAccess"/>) and the consents themselves. Pages only, no API.</summary>
public static class ConsentModule
{
    public static void AddConsent(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlanAccess>();
        builder.Services.AddScoped<ConsentService>();
    }
}
