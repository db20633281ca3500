namespace Gem.Web.Pages.Site;

/// <summary>The sections of a statement page: resource keys <c>{Prefix}.{n}.Title</c> and <c>.Text</c>, n = 1 … Count.</summary>
public sealed record StatementSections(string Prefix, int Count)
{
    public static readonly StatementSections Privacy = new("Privacy", 7);
    public static readonly StatementSections Accessibility = new("Accessibility", 4);
}
