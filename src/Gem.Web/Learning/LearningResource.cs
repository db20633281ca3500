namespace Gem.Web;

/// <summary>Marker for the learning-ecosystem UI strings in Resources/LearningResource.resx (Dutch) and LearningResource.en.resx (English).</summary>
public sealed class LearningResource;
