using Gem.Core.Data;

namespace Gem.Core.Community;

/// <summary>What a member answers in the harms survey: "did something here make you feel worse", and if so what, and do you feel safe.</summary>
public sealed record HarmsSurveyInput(bool? Harmed, bool AboutModeration, bool Excluded, bool Contagion, bool? FeelsSafe);

/// <summary>
/// The short built-in harms survey (issue 20; the adverse-event questions of the Mind community study). An answer is
/// stored with its day only: no member, no handle, no time of day, so nobody can tell who answered what. The "what made
/// you feel worse" parts only count when the member said something did.
/// </summary>
public static class HarmsSurvey
{
    public static async Task AnswerAsync(GemDbContext db, CommunityMember member, HarmsSurveyInput input, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        if (input.Harmed is null) errors[nameof(input.Harmed)] = ["Answer whether something here made you feel worse."];
        if (input.FeelsSafe is null) errors[nameof(input.FeelsSafe)] = ["Answer whether you feel safe here."];
        if (errors.Count > 0) throw new ValidationException(errors);
        var harmed = input.Harmed!.Value;
        db.Add(new HarmsSurveyAnswer
        {
            Day = LocalTime.Day(now),
            Harmed = harmed,
            AboutModeration = harmed && input.AboutModeration,
            Excluded = harmed && input.Excluded,
            Contagion = harmed && input.Contagion,
            FeelsSafe = input.FeelsSafe!.Value,
        });
        await db.SaveChangesAsync(ct);
    }
}
