namespace Gem.Web;

/// <summary>Marker for the community UI strings in Resources/CommunityResource.resx (Dutch) and CommunityResource.en.resx (English).</summary>
public sealed class CommunityResource;
