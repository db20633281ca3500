namespace Gem.Web;

/// <summary>Marker for the monitor pages' UI strings in Resources/MonitorResource.resx (Dutch) and MonitorResource.en.resx (English).</summary>
public sealed class MonitorResource;
