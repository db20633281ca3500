namespace Gem.Web;

/// <summary>Marker for the UI strings of diary proposals and SMS prompts in Resources/DiaryProposalResource.resx (Dutch) and .en.resx (English).</summary>
public sealed class DiaryProposalResource;
