namespace Gem.Web;

/// <summary>Marker for the UI strings in Resources/SharedResource.resx (Dutch) and SharedResource.en.resx (English).</summary>
public sealed class SharedResource;
