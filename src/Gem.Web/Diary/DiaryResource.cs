namespace Gem.Web;

/// <summary>Marker for the diary's UI strings in Resources/DiaryResource.resx (Dutch) and DiaryResource.en.resx (English).</summary>
public sealed class DiaryResource;
