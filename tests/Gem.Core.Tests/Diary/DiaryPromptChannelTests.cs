using Gem.Core.Diary;

namespace Gem.Core.Tests.Diary;

public sealed class DiaryPromptChannelTests
{
    [Theory]
    [InlineData("a@b.example", "06 12345678", DiaryChannel.Sms)]
    [InlineData(null, "06 12345678", DiaryChannel.Sms)]
    [InlineData("a@b.example", null, DiaryChannel.Mail)]
    [InlineData(null, null, DiaryChannel.None)]
    public void NoPush_SmsWhenChosenWithANumber_ElseMail_ElseNone(string? email, string? smsPhone, DiaryChannel expected) =>
        Assert.Equal(expected, DiaryPromptChannel.Choose(new DiaryContact(email, smsPhone)));

    [Fact]
    public void NoContactAtAll_None() => Assert.Equal(DiaryChannel.None, DiaryPromptChannel.Choose(null));

    [Theory]
    [InlineData("0612345678", true)]
    [InlineData("06-12 34 56 78", true)]
    [InlineData("+31 6 12345678", true)]
    [InlineData("+32 470 12 34 56", true)]
    [InlineData("0031612345678", true)]
    [InlineData("020 1234567", false)] // a landline cannot take a text
    [InlineData("0612345", false)]
    [InlineData("06123456789", false)]
    [InlineData("+0 612345678", false)]
    [InlineData("06+12345678", false)]
    [InlineData("06 1234 567a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void MobileNumbers(string? phone, bool ok) => Assert.Equal(ok, DiarySmsChoices.IsMobileNumber(phone));
}
