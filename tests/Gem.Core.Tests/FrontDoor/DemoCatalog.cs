using Gem.Core.Atlas;
using Gem.Core.Demo;
using Gem.Core.FrontDoor;

namespace Gem.Core.Tests.FrontDoor;

/// <summary>The demo region as the front door sees it, built once in memory for a fixed Monday morning.</summary>
internal static class DemoCatalog
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<(Region Region, FrontDoorCatalog Catalog)> Built = new(() =>
    {
        var region = DemoRegion.Build(Now);
        return (region, FrontDoorCatalog.FromRegion(region, Now));
    });

    public static Region Region => Built.Value.Region;
    public static FrontDoorCatalog Catalog => Built.Value.Catalog;
}
