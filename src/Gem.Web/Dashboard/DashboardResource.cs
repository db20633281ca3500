namespace Gem.Web;

/// <summary>Marker for the dashboard's UI strings in Resources/DashboardResource.resx (Dutch) and DashboardResource.en.resx (English).</summary>
public sealed class DashboardResource;
