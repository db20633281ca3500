namespace Gem.Core.Common;

/// <summary>
/// The region's local time: Europe/Amsterdam. Times are stored in UTC; days, weekdays and what people read are
/// in this zone. The clock itself is the injected <see cref="TimeProvider"/>.
/// </summary>
public static class LocalTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The calendar day in Amsterdam at <paramref name="at"/>: the day a visit or session counts for.</summary>
    /// <summary>A moment as people read it on a page: "2026-12-02 14:30", local time.</summary>
    public static string Display(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The UTC moment the Amsterdam day <paramref name="day"/> begins (PostgreSQL takes UTC only).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
