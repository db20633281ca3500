namespace Gem.Web;

/// <summary>Marker for the consultation UI strings in Resources/ConsultationResource.resx (Dutch) and ConsultationResource.en.resx (English).</summary>
public sealed class ConsultationResource;
