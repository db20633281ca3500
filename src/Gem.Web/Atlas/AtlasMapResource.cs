namespace Gem.Web;

/// <summary>Marker for the atlas list's paging, filter box and map strings in Resources/AtlasMapResource.resx (Dutch) and .en.resx (English).</summary>
public sealed class AtlasMapResource;
