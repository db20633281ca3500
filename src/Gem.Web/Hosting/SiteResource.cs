namespace Gem.Web;

/// <summary>
/// Marker for the site-wide UI strings in Resources/SiteResource.resx (Dutch) and SiteResource.en.resx (English):
/// the error and status pages, the crisis bar, the statements (privacy, accessibility, contact) and account help.
/// </summary>
public sealed class SiteResource;
