namespace Gem.Web;

/// <summary>Marker for the front door's UI strings in Resources/FrontDoorResource.resx (Dutch) and FrontDoorResource.en.resx (English).</summary>
public sealed class FrontDoorResource;
