using System.Text.Json.Serialization;
using Gem.Core.Atlas;
using Gem.Web.Atlas.Interop;

namespace Gem.Web.Atlas;

/// <summary>Atlas in the host: its services, and its endpoints (the atlas API, HSDS and FHIR).</summary>
public static class AtlasModule
{
    public static void AddAtlas(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AtlasSearch>();
        builder.Services.AddSingleton<AtlasGeometry>();
        builder.Services.AddScoped<OfferEditor>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
    }

    public static IEndpointRouteBuilder MapAtlas(this IEndpointRouteBuilder app)
    {
        app.MapAtlasApi();
        app.MapHsdsApi();
        app.MapFhirApi();
        return app;
    }
}
