using System.Globalization;
using Gem.Core.Atlas;
using Gem.Core.FrontDoor;
using Microsoft.AspNetCore.Http;

namespace Gem.Web.FrontDoor;

/// <summary>
/// The conversation's answers as they travel between the steps, in the address (GET) so that back and
/// forward just work without scripts, cookies or server-side storage. The person's own words never travel:
/// step 1 is a POST that reads them once (crisis signals, life-domain words) and passes on only what it found
/// (<see cref="OwnDomains"/>, <see cref="Crisis"/>).
/// </summary>
public sealed class FrontDoorQuery
{
    public List<LifeDomains> Domain { get; set; } = [];
    /// <summary>Life domains found in the person's own words (flags as a number).</summary>
    public int OwnDomains { get; set; }
    /// <summary>1 when step 1 showed acute danger: the crisis block leads every later page.</summary>
    public int Crisis { get; set; }
    public List<Company> Who { get; set; } = [];
    public List<Wishes> Wish { get; set; } = [];
    public string? Pc4 { get; set; }
    /// <summary>"online" for online only; anything else: in a place or online.</summary>
    public string? Where { get; set; }
    public List<Weekdays> Day { get; set; } = [];
    /// <summary>The day of the first visit (yyyy-MM-dd), for the anonymous count "days from first visit to first session".</summary>
    public string? Visit { get; set; }

    /// <summary>Reads the answers from a query string or form; unknown values are skipped, never an error.</summary>
    public static FrontDoorQuery From(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        var q = new FrontDoorQuery();
        foreach (var (key, vals) in values)
        {
            foreach (var v in vals)
            {
                if (string.IsNullOrWhiteSpace(v)) continue;
                switch (key)
                {
                    case "d" when Enum.TryParse<LifeDomains>(v, out var d) && d != LifeDomains.None && Enum.IsDefined(d): q.Domain.Add(d); break;
                    case "ow" when int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ow): q.OwnDomains = ow; break;
                    case "c" when v == "1": q.Crisis = 1; break;
                    case "who" when Enum.TryParse<Company>(v, out var c) && c != Company.None && Enum.IsDefined(c): q.Who.Add(c); break;
                    case "w" when Enum.TryParse<Wishes>(v, out var w) && w != Wishes.None && Enum.IsDefined(w): q.Wish.Add(w); break;
                    case "pc4": q.Pc4 = v.Length > 7 ? v[..7] : v; break;
                    case "where": q.Where = v == "online" ? "online" : "place"; break;
                    case "day" when Enum.TryParse<Weekdays>(v, out var day) && day != Weekdays.None && Enum.IsDefined(day): q.Day.Add(day); break;
                    case "v" when v.Length == 10: q.Visit = v; break;
                }
            }
        }
        q.Domain = q.Domain.Distinct().ToList();
        q.Who = q.Who.Distinct().ToList();
        q.Wish = q.Wish.Distinct().ToList();
        q.Day = q.Day.Distinct().ToList();
        return q;
    }

    public bool OnlineOnly => string.Equals(Where, "online", StringComparison.Ordinal);

    public FrontDoorAnswers ToAnswers() => new()
    {
        Domains = Domain.Aggregate(LifeDomains.None, (a, d) => a | d),
        Company = Who.Aggregate(Company.None, (a, c) => a | c),
        Wishes = Wish.Aggregate(Wishes.None, (a, w) => a | w),
        Days = Day.Aggregate(Weekdays.None, (a, d) => a | d),
        Pc4 = OnlineOnly ? null : Pc4Directory.Normalise(Pc4),
        OnlineOnly = OnlineOnly,
        // The own words themselves are gone; the domains found in them stand in for them.
        OwnWordDomains = OwnWordDomainsFlags,
        NotSafe = Crisis == 1,
    };

    private LifeDomains OwnWordDomainsFlags => (LifeDomains)OwnDomains & (LifeDomains)((1 << 12) - 1);

    public DateOnly? VisitDay =>
        DateOnly.TryParseExact(Visit, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The query string (without "?") carrying every answer given so far, leaving out <paramref name="except"/>.</summary>
    public string ToQueryString(params string[] except)
    {
        var pairs = Pairs().Where(p => !except.Contains(p.Key, StringComparer.Ordinal));
        return string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
    }

    /// <summary>Every answer as name/value pairs, for hidden fields in the next step's form.</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs(params string[] except)
    {
        var all = new List<KeyValuePair<string, string>>();
        foreach (var d in Domain) all.Add(new("d", d.ToString()));
        if (OwnDomains != 0) all.Add(new("ow", OwnDomains.ToString(CultureInfo.InvariantCulture)));
        if (Crisis == 1) all.Add(new("c", "1"));
        foreach (var w in Who) all.Add(new("who", w.ToString()));
        foreach (var w in Wish) all.Add(new("w", w.ToString()));
        if (!string.IsNullOrWhiteSpace(Pc4)) all.Add(new("pc4", Pc4.Trim()));
        if (!string.IsNullOrWhiteSpace(Where)) all.Add(new("where", Where));
        foreach (var d in Day) all.Add(new("day", d.ToString()));
        if (!string.IsNullOrWhiteSpace(Visit)) all.Add(new("v", Visit));
        return all.Where(p => !except.Contains(p.Key, StringComparer.Ordinal));
    }
}
