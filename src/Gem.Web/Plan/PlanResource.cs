namespace Gem.Web;

/// <summary>Marker for the plan's UI strings in Resources/PlanResource.resx (Dutch) and PlanResource.en.resx (English).</summary>
public sealed class PlanResource;
