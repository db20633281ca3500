using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Gem.Core.Community;

/// <summary>
/// Turns what a member writes into HTML that cannot run anything (decision 903): Markdown through Markdig with raw HTML
/// disabled (so any tag is shown as text), then HtmlSanitizer with a short allow-list: paragraphs, emphasis, lists,
/// quotes, code, headings and links over http(s) or mailto, each link marked <c>rel="nofollow ugc noopener"</c>. No
/// images at all (so none from outside), no attributes but <c>href</c>, no styles, no classes, no ids.
/// Titles and handles are never Markdown: Razor encodes them as text.
/// </summary>
public static class SafeText
{
    public const string LinkRel = "nofollow ugc noopener";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    // One sanitizer per thread: configured once, never changed afterwards.
    private static readonly ThreadLocal<HtmlSanitizer> Sanitizer = new(CreateSanitizer);

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "br", "em", "strong", "del", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "h6", "hr", "a" }) s.AllowedTags.Add(tag);
        s.AllowedAttributes.Clear();
        s.AllowedAttributes.Add("href");
        s.AllowedAttributes.Add("rel");
        s.UriAttributes.Clear();
        s.UriAttributes.Add("href");
        s.AllowedSchemes.Clear();
        s.AllowedSchemes.Add("http");
        s.AllowedSchemes.Add("https");
        s.AllowedSchemes.Add("mailto");
        s.AllowedCssProperties.Clear();
        s.AllowedAtRules.Clear();
        s.AllowedClasses.Clear();
        s.AllowDataAttributes = false;
        s.KeepChildNodes = true;
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } a) a.SetAttribute("rel", LinkRel);
        };
        return s;
    }

    /// <summary>Safe HTML for a post body written in Markdown. Headings are shifted down so a post never outranks the page's own.</summary>
    public static string Render(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = Markdown.ToHtml(markdown, Pipeline);
        html = html.Replace("<h1", "<h3", StringComparison.Ordinal).Replace("</h1>", "</h3>", StringComparison.Ordinal)
            .Replace("<h2", "<h4", StringComparison.Ordinal).Replace("</h2>", "</h4>", StringComparison.Ordinal);
        return Sanitizer.Value!.Sanitize(html);
    }
}
