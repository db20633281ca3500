using Gem.Core.Groups;

namespace Gem.Core.Tests.Groups;

/// <summary>Recurring sessions expand an RRULE with EXDATEs in Amsterdam time (pure, no database).</summary>
public sealed class SessionSeriesTests
{
    private static DateTimeOffset Local(int y, int m, int d, int h) =>
        new(new DateTime(y, m, d, h, 0, 0), LocalTime.Zone.GetUtcOffset(new DateTime(y, m, d, h, 0, 0)));

    [Fact]
    public void Starts_EveryOtherWeekAcrossSummerTime_KeepsTheLocalHourAndLeavesOutTheException()
    {
        var first = Local(2027, 3, 9, 19); // winter time; 28 March 2027 the clocks go forward
        var input = new SeriesInput(new SessionInput(first, first.AddHours(2), null, null, null), Repeat.Biweekly, new DateOnly(2027, 5, 4), [new DateOnly(2027, 4, 6)]);

        var starts = input.Starts();

        var local = starts.Select(s => TimeZoneInfo.ConvertTime(s, LocalTime.Zone)).ToList();
        Assert.Equal([new DateOnly(2027, 3, 9), new DateOnly(2027, 3, 23), new DateOnly(2027, 4, 20), new DateOnly(2027, 5, 4)],
            local.Select(l => DateOnly.FromDateTime(l.DateTime)));
        Assert.All(local, l => Assert.Equal(19, l.Hour));
        Assert.Equal(TimeSpan.FromDays(28) - TimeSpan.FromHours(1), starts[2] - starts[1]); // 19:00 both times, so an hour less in UTC after the change
    }

    [Fact]
    public void EnsureValid_RepeatWithoutLastDateOrLongerThanAYear_IsRefused()
    {
        var now = Local(2027, 1, 1, 12);
        var first = Local(2027, 1, 5, 19);
        var session = new SessionInput(first, first.AddHours(2), null, null, null);

        var noEnd = Assert.Throws<ValidationException>(() => new SeriesInput(session, Repeat.Weekly, null, []).EnsureValid(now));
        Assert.Contains("A repeating session needs a last date.", noEnd.Errors["Until"]);
        var tooLong = Assert.Throws<ValidationException>(() => new SeriesInput(session, Repeat.Weekly, new DateOnly(2028, 6, 1), []).EnsureValid(now));
        Assert.True(tooLong.Errors.ContainsKey("Until"));
        new SeriesInput(session, Repeat.Once, null, []).EnsureValid(now); // one session needs no last date
    }
}
