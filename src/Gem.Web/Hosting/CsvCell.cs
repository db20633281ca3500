namespace Gem.Web.Hosting;

/// <summary>One CSV cell (RFC 4180, comma) for every CSV the host writes (dashboard, monitor): quoting and formula defusing.</summary>
public static class CsvCell
{
    /// <summary>
    /// Quotes when needed; a text cell with a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a
    /// formula. A number (invariant, such as "-0.156") is data, not a formula, and stays a number.
    /// </summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@'
            && (!double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
