namespace Gem.Web;

/// <summary>Marker for the "Mensen en buurt" page's UI strings in Resources/SocialResource.resx (Dutch) and SocialResource.en.resx (English).</summary>
public sealed class SocialResource;
