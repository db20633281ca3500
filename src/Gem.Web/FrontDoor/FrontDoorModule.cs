using Gem.Core.FrontDoor;

namespace Gem.Web.FrontDoor;

/// <summary>The front door in the host: its services and endpoints (<see cref="FrontDoorSetup"/>).</summary>
public static class FrontDoorModule
{
    public static void AddFrontDoor(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<FrontDoorOptions>().BindConfiguration(FrontDoorOptions.Section).Validate(o => o.CatalogSeconds >= 0).ValidateOnStart();
        services.AddSingleton<FrontDoorCatalogCache>();
        services.AddScoped<FrontDoorService>();
        services.AddScoped<FrontDoorCounter>();
    }

    public static IEndpointRouteBuilder MapFrontDoor(this IEndpointRouteBuilder app) => app.MapFrontDoorApi();
}
