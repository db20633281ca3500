using System.ComponentModel.DataAnnotations;
using Gem.Core.Diary;

namespace Gem.Core.Tests.Diary;

public sealed class DiaryOptionsTests
{
    [Fact]
    public void DefaultLease_LeavesAPushUnderWayItsWholeTimeoutAfterALapse()
    {
        Assert.True(Valid(new DiaryOptions()));
        Assert.True(new DiaryOptions().ClaimLease / 4 >= DiaryPush.Timeout);
    }

    [Theory]
    [InlineData("00:01:59", false)] // a push under way at the lapse would be cancelled before its timeout: sent twice
    [InlineData("00:02:00", true)]
    [InlineData("01:00:00", true)]
    [InlineData("01:00:01", false)] // a crashed sender's moments would wait over an hour: long past their expiry
    public void Lease_IsAtLeastFourPushTimeouts(string lease, bool valid) =>
        Assert.Equal(valid, Valid(new DiaryOptions { ClaimLease = TimeSpan.Parse(lease, System.Globalization.CultureInfo.InvariantCulture) }));

    private static bool Valid(DiaryOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);
}
