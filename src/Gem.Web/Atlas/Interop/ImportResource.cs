namespace Gem.Web;

/// <summary>Marker for the import page's UI strings in Resources/ImportResource.resx (Dutch) and ImportResource.en.resx (English).</summary>
public sealed class ImportResource;
