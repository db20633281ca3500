using System.Globalization;
using Gem.Core.Atlas;

namespace Gem.Web.Pages;

/// <summary>How dates and amounts are shown to people: local Dutch time, in the current UI culture.</summary>
public static class Display
{
    public static DateTimeOffset Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, LocalTime.Zone);

    public static string When(DateTimeOffset utc) =>
        Local(utc).ToString("dddd d MMMM, HH:mm", CultureInfo.CurrentCulture);

    public static string Time(DateTimeOffset utc) => Local(utc).ToString("HH:mm", CultureInfo.CurrentCulture);

    public static string Euros(decimal amount) => amount.ToString("C", CultureInfo.GetCultureInfo("nl-NL"));
}
