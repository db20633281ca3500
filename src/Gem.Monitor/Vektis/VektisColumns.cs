namespace Gem.Monitor.Vektis;

/// <summary>Cost columns of the Vektis open data set (Zvw, gemeente level), canonical snake-case names as in 2019–2022.</summary>
public enum VektisCost
{
    MedischSpecialistischeZorg,
    Farmacie,
    SpecialistischeGgz,
    HuisartsInschrijftarief,
    HuisartsConsult,
    HuisartsMdz,
    HuisartsOverig,
    Hulpmiddelen,
    Mondzorg,
    ParamedischeZorgFysiotherapie,
    ParamedischeZorgOverig,
    ZiekenvervoerZittend,
    ZiekenvervoerLiggend,
    Kraamzorg,
    VerloskundigeZorg,
    GeneralistischeBasisGgz,
    LangdurigeGgz,
    GrensoverschrijdendeZorg,
    EerstelijnsOndersteuning,
    GeriatrischeRevalidatiezorg,
    Eerstelijnsverblijf,
    VerplegingEnVerzorging,
    Gzsp,
    IntegraleGeboortezorg,
    InnovatiegeldenGgz,
    Overig,
    ConsultenGgz,
    IntramuraalVerblijfGgz,
    OverigePrestatiesGgz,
}

/// <summary>The GGZ column scheme a file uses.</summary>
public enum GgzScheme
{
    /// <summary>2014–2021: generalistische basis-ggz, specialistische ggz, langdurige ggz (2015+).</summary>
    BasicSpecialist,
    /// <summary>2022+: zorgprestatiemodel: consulten, intramuraal verblijf, overige prestaties.</summary>
    Zorgprestatiemodel,
}

/// <summary>
/// The documented column-mapping rule for Vektis headers (docs/decisions/102-vektis-columns.md):
/// <list type="number">
/// <item>Normalise: strip a byte-order mark and surrounding quotes/spaces, lower case (invariant), spaces and hyphens become '_'.</item>
/// <item>Exact match on a canonical name (the 2019–2022 lower-case names; 2014–2018 only differ in case).</item>
/// <item>Known alias (<see cref="Aliases"/>): names Vektis shortened or respelled.</item>
/// <item>Truncation: a header of at least <see cref="MinimumPrefixLength"/> characters that is the start of exactly one canonical name
/// (Vektis cuts long names to 32 characters, e.g. <c>kosten_medisch_specialistische_z</c> in 2023).</item>
/// <item>Anything else is an error naming the header and its position: a new column must be added here on purpose.</item>
/// </list>
/// </summary>
public static class VektisColumns
{
    public const string Sex = "geslacht";
    public const string AgeBand = "leeftijdsklasse";
    public const string Gemeente = "gemeentenaam";
    public const string Insured = "aantal_bsn";
    public const string PersonYears = "aantal_verzekerdejaren";

    /// <summary>The shortest header that may map by the truncation rule.</summary>
    public const int MinimumPrefixLength = 20;

    /// <summary>Known respellings and shortenings seen in Vektis files (header → canonical name).</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kosten_medisch_specialistische_z"] = "kosten_medisch_specialistische_zorg",
        ["kosten_paramedische_zorg_fysioth"] = "kosten_paramedische_zorg_fysiotherapie",
        ["kosten_geriatrische_revalidatiez"] = "kosten_geriatrische_revalidatiezorg",
        ["kosten_verpleging_verzorging"] = "kosten_verpleging_en_verzorging",
        ["aantal_verzekerde_jaren"] = "aantal_verzekerdejaren",
        ["kosten_generalistische_basisggz"] = "kosten_generalistische_basis_ggz",
    };

    private static readonly string[] s_keyNames = [Sex, AgeBand, Gemeente, Insured, PersonYears];

    /// <summary>Canonical header name of a cost column.</summary>
    public static string NameOf(VektisCost cost)
    {
        return "kosten_" + ToSnake(cost.ToString());
    }

    /// <summary>All canonical names: the five key columns, then every cost column.</summary>
    public static IReadOnlyList<string> CanonicalNames { get; } =
        [.. s_keyNames, .. Enum.GetValues<VektisCost>().Select(NameOf)];

    /// <summary>Normalises a raw header (step 1 of the rule).</summary>
    public static string Normalise(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header.Trim('\uFEFF', ' ', '"', '\t', '\r')
            .ToLowerInvariant()
            .Replace(' ', '_')
            .Replace('-', '_');
    }

    /// <summary>Maps one raw header to its canonical name, or null when the rule finds none.</summary>
    public static string? TryMap(string header)
    {
        string h = Normalise(header);
        if (CanonicalNames.Contains(h, StringComparer.Ordinal))
        {
            return h;
        }

        if (Aliases.TryGetValue(h, out string? alias))
        {
            return alias;
        }

        if (h.Length >= MinimumPrefixLength)
        {
            string[] candidates = [.. CanonicalNames.Where(c => c.StartsWith(h, StringComparison.Ordinal))];
            if (candidates.Length == 1)
            {
                return candidates[0];
            }
        }

        return null;
    }

    private static string ToSnake(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
