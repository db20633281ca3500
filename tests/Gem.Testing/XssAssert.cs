using System.Text.RegularExpressions;
using Xunit;

namespace Gem.Testing;

/// <summary>
/// The XSS corpus (the OWASP XSS Filter Evasion Cheat Sheet's examples, and the same through Markdown) and the check
/// that a piece of HTML holds nothing executable: only the community's allowed elements, no attribute but a safe href
/// and the fixed rel, no script, no image. Used on <c>SafeText</c> directly and on the rendered community pages.
/// </summary>
public static partial class XssAssert
{
    public static readonly string[] Corpus =
    [
        "<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>",
        "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"`/+/onmouseover=1/+/[*/[]/+alert(42);//'>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
        "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
        "<iframe src=http://xss.rocks/scriptlet.html <",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<svg/onload=alert('XSS')>",
        "<BODY ONLOAD=alert('XSS')>",
        "<BGSOUND SRC=\"javascript:alert('XSS');\">",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<A HREF=\"http://%77%77%77%2E%67%6F%6F%67%6C%65%2E%63%6F%6D\">XSS</A>",
        "<A HREF=\"javascript:document.location='http://www.google.com/'\">XSS</A>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<details open ontoggle=alert(1)>",
        // The same through Markdown's own syntax.
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "![x](http://evil.example/x.png)",
        "![x](javascript:alert(1))",
        "<javascript:alert(1)>",
        "[a](<javascript:alert(1)>)",
        "[x](\"onmouseover=alert(1))",
        "`<script>alert(1)</script>`",
        "```\n<script>alert(1)</script>\n```",
        "[link](http://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
    ];

    [GeneratedRegex(@"<\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")]
    private static partial Regex Tag();

    private static readonly HashSet<string> Allowed = ["p", "br", "em", "strong", "del", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "h6", "hr", "a"];

    /// <summary>Asserts that HTML has only allowed elements, no attribute but a safe href and the fixed rel.</summary>
    public static void Inert(string html)
    {
        foreach (Match m in Tag().Matches(html))
        {
            var name = m.Groups[1].Value.ToLowerInvariant();
            Assert.Contains(name, Allowed);
            var attributes = m.Groups[2].Value;
            var pairs = Regex.Matches(attributes, "\\s([a-zA-Z\\-:]+)=\"([^\"]*)\"");
            // Nothing but well-formed name="value" pairs (the sanitizer's output form).
            Assert.True(Regex.Replace(attributes, "\\s([a-zA-Z\\-:]+)=\"([^\"]*)\"", "").Trim().Trim('/').Length == 0, $"Odd attributes in <{name}{attributes}>");
            foreach (Match pair in pairs)
            {
                var attribute = pair.Groups[1].Value.ToLowerInvariant();
                Assert.Contains(attribute, new[] { "href", "rel" });
                // An address with a scheme is http(s) or mailto; one without is a harmless relative link.
                var value = System.Net.WebUtility.HtmlDecode(pair.Groups[2].Value);
                if (attribute == "href" && Regex.IsMatch(value, "^[^/?#]*:")) Assert.Matches("^(https?:|mailto:)", value);
            }
            if (name == "a") Assert.Contains("rel=\"nofollow ugc noopener\"", attributes, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }


    private static readonly string[] Forbidden = ["script", "iframe", "frame", "frameset", "img", "svg", "math", "object", "embed", "base", "bgsound", "style", "link", "table", "body"];

    /// <summary>
    /// A whole page holds nothing an attacker put there that runs: no event-handler attribute, no script-like address
    /// in href/src/action, no dangerous element in the page's body part (the layout's own head is allowed its link tags).
    /// </summary>
    public static void PageInert(string page)
    {
        var main = page.IndexOf("<main", StringComparison.Ordinal) is var i and >= 0 ? page[i..] : page;
        foreach (Match m in Tag().Matches(main))
        {
            var name = m.Groups[1].Value.ToLowerInvariant();
            Assert.DoesNotContain(name, Forbidden);
            var attributes = m.Groups[2].Value;
            foreach (Match a in Regex.Matches(attributes, @"\s([a-zA-Z\-:]+)\s*=\s*(""[^""]*""|'[^']*'|[^\s>]+)"))
            {
                var attribute = a.Groups[1].Value.ToLowerInvariant();
                Assert.False(attribute.StartsWith("on", StringComparison.Ordinal), $"Event handler {attribute} in <{name}{attributes}>");
                if (attribute is "href" or "src" or "action" or "formaction")
                {
                    var value = a.Groups[2].Value.Trim('"', '\'').Trim().ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:", StringComparison.Ordinal) || value.StartsWith("data:", StringComparison.Ordinal) || value.StartsWith("vbscript:", StringComparison.Ordinal), $"Script address in <{name}{attributes}>");
                }
            }
        }
    }
}
