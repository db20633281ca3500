using System.Globalization;
using System.Text;

namespace Gem.Core.Mail;

/// <summary>
/// Text typed by someone (a display name, a first name, an offer name) that ends up in a mail or on a page: one line,
/// without control characters (CR, LF, tab, NUL…) or Unicode line/paragraph separators and direction overrides, so
/// nobody can write their own lines into a mail body or header. Runs of whitespace become one space.
/// </summary>
public static class MailText
{
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var blank = char.IsWhiteSpace(c) || category is UnicodeCategory.Control or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
            if (blank)
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary><see cref="OneLine"/>, or null when nothing is left.</summary>
    public static string? OneLineOrNull(string? text) => OneLine(text) is { Length: > 0 } s ? s : null;
}
