using Gem.Core.Community;
using Gem.Testing;

namespace Gem.Core.Tests.Community;

/// <summary>
/// The XSS corpus: the OWASP XSS Filter Evasion Cheat Sheet's examples (and a few more), each through
/// <see cref="SafeText.Render"/>. Nothing executable may come out: no script, no element but the allow-list, no event
/// handler, no style, no javascript:/data:/vbscript: address, no image.
/// </summary>
public sealed class SafeTextTests
{
    public static TheoryData<string> Cases => [.. XssAssert.Corpus];

    [Theory, MemberData(nameof(Cases))]
    public void Render_XssCorpus_NothingExecutable(string attack) => XssAssert.Inert(SafeText.Render(attack));

    [Fact]
    public void Render_Markdown_KeepsFormattingAndMarksLinks()
    {
        var html = SafeText.Render("**vet** en *schuin*\n\n- een\n- twee\n\n[113](https://www.113.nl)");
        Assert.Contains("<strong>vet</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>schuin</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>een</li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.113.nl\" rel=\"nofollow ugc noopener\">113</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RawHtml_ShownAsText()
    {
        var html = SafeText.Render("<b>hoi</b>");
        Assert.Contains("&lt;b&gt;hoi&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Image_NeverAnImage() => Assert.DoesNotContain("<img", SafeText.Render("![kat](https://example.org/kat.png)"), StringComparison.Ordinal);
}
