using System.Globalization;
using Gem.Core.Diary;

namespace Gem.Web.Diary;

/// <summary>The diary settings as form fields (window as HH:mm), for the pages that propose or accept a diary (<c>_DiarySettings.cshtml</c>).</summary>
public interface IDiarySettingsForm
{
    int Days { get; set; }
    string WakeFrom { get; set; }
    string WakeUntil { get; set; }
    int PerDay { get; set; }
    int MinGap { get; set; }
}

public static class DiarySettingsForm
{
    public static DiaryInput Read(IDiarySettingsForm f)
    {
        if (!TimeOnly.TryParseExact(f.WakeFrom, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(f.WakeUntil, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
            throw new ValidationException("WakeFrom", "Times as HH:mm.");
        return new DiaryInput(f.Days, from, until, f.PerDay, f.MinGap);
    }

    public static void Fill(IDiarySettingsForm f, DiaryInput d) =>
        (f.Days, f.WakeFrom, f.WakeUntil, f.PerDay, f.MinGap) = (d.Days, d.WakeFrom.ToString("HH:mm", CultureInfo.InvariantCulture), d.WakeUntil.ToString("HH:mm", CultureInfo.InvariantCulture), d.PerDay, d.MinGapMinutes);

    public static string Window(DiaryProposal p) =>
        TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(p.WakeFromMinutes)).ToString("HH:mm", CultureInfo.InvariantCulture) + "–" +
        TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(p.WakeUntilMinutes)).ToString("HH:mm", CultureInfo.InvariantCulture);
}
