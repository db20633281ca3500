using System.Globalization;
using System.Text;

namespace Gem.Core.FrontDoor;

/// <summary>
/// Recognises acute danger in the front-door answers: the "Ik ben nu niet veilig" choice, or a phrase from the
/// documented Dutch list (docs/frontdoor-crisis-phrases.md) in the person's own words. When it answers true,
/// the crisis block (113, huisarts/huisartsenpost, 112) is shown before anything else. It errs on the side of
/// showing the block: a false alarm costs one extra card, a miss can cost a life.
/// </summary>
public static class CrisisSignals
{
    /// <summary>
    /// Lower-case, accent-free phrases. A phrase matches when it occurs in the normalised text (letters and digits
    /// only, single spaces), so "Ik wil DOOD!!" matches "dood". Keep this list and the document in step:
    /// <c>CrisisSignalsTests.Phrases_MatchTheDocumentedList</c> checks it.
    /// </summary>
    public static readonly IReadOnlyList<string> Phrases =
    [
        // Suicide, wanting to die
        "zelfmoord", "zelfdoding", "suicide", "suicidaal", "een eind aan mijn leven", "een einde aan mijn leven",
        "eind aan maken", "einde aan maken", "niet meer leven", "niet meer willen leven", "wil niet meer leven",
        "wil dood", "dood willen", "wil er niet meer zijn", "er niet meer zijn", "niet meer zijn", "niet meer wakker worden", "mezelf ophangen", "van een brug",
        "voor de trein", "pillen slikken om", "overdosis", "afscheidsbrief", "niemand zal me missen",
        "iedereen is beter af zonder mij", "beter af zonder mij", "geen zin meer om te leven", "uit het leven stappen",
        // Self-harm
        "mezelf snijden", "mezelf pijn doen", "mezelf iets aandoen", "mijzelf iets aandoen", "zelfbeschadiging", "krassen",
        // Danger to or from others
        "iemand iets aandoen", "iemand vermoorden", "ik word bedreigd", "hij slaat me", "zij slaat me", "ik word geslagen",
        "ik word mishandeld", "niet veilig thuis", "ik ben niet veilig", "in gevaar", "acuut gevaar",
        // English, for people who write in English
        "kill myself", "end my life", "want to die", "hurt myself", "self harm", "not safe",
    ];

    public static bool IsAcute(FrontDoorAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.NotSafe || MatchingPhrase(answers.OwnWords) is not null;
    }

    /// <summary>The first listed phrase found in <paramref name="text"/>, or null.</summary>
    public static string? MatchingPhrase(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normal = " " + Normalise(text) + " ";
        foreach (var phrase in Phrases)
        {
            // Whole words at the start of the phrase, so "krassen" does not fire inside "autokrassen"... but does in "krassen op mijn arm".
            if (normal.Contains(" " + Normalise(phrase), StringComparison.Ordinal)) return phrase;
        }
        return null;
    }

    /// <summary>Lower case, accents removed, everything that is not a letter or digit becomes one space.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                space = false;
            }
            else if (!space && sb.Length > 0)
            {
                sb.Append(' ');
                space = true;
            }
        }
        return sb.ToString().TrimEnd();
    }
}
