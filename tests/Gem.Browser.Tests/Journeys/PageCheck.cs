using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Gem.Browser.Tests.Journeys;

/// <summary>
/// What every page of a journey must hold (issue 13 "Done when"), reusable by any test: 0 axe-core violations for the
/// WCAG 2.1 AA tags, no horizontal overflow (the document's scrollWidth is at most the viewport's width), and no
/// English on a Dutch page (known leftovers and Identity's default messages). Collects problems instead of stopping at
/// the first, so one run shows everything; <see cref="AssertClean"/> fails with the whole list.
/// Add a page to a journey with <c>await check.PageAsync(page, "/path")</c> (or <see cref="HereAsync"/> after a click).
/// </summary>
public sealed class PageCheck(string journey, int width)
{
    public static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>English that must never show on a Dutch page: the leftovers issue 13 found, and Identity's default messages.</summary>
    public static readonly string[] EnglishLeftovers =
    [
        // Issue 13's leftovers.
        "A session ends after it starts.", "Attendance is recorded once the session has started.", "resource group",
        "Not found", "Too many requests", "Invalid input", "Forbidden", "Service unavailable", "Bad request",
        "One or more validation errors occurred.", "An error occurred while processing your request.",
        // ASP.NET Core Identity's IdentityErrorDescriber defaults.
        "Passwords must", "non alphanumeric character", "An unknown failure has occurred.", "Optimistic concurrency failure",
        "Incorrect password.", "Invalid token.", "Recovery code redemption failed.", "A user with this login already exists.",
        "is already taken.", "can only contain letters or digits", "User already has a password set.",
        "Lockout is not enabled for this user.", "User already in role", "User is not in role", "Role name",
    ];

    /// <summary>
    /// Pages of other teams whose known gaps are recorded rather than failed here (path prefix → check), each with the
    /// issue item that fixes it. Remove an entry when its fix lands; the journey then holds the page to every check.
    /// </summary>
    public static readonly Dictionary<string, string[]> KnownGaps = new(StringComparer.Ordinal);

    private readonly List<string> _problems = [];
    private readonly List<string> _recorded = [];

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Known gaps met on other teams' pages (see <see cref="KnownGaps"/>), for the test output.</summary>
    public IReadOnlyList<string> Recorded => _recorded;

    public int PagesChecked { get; private set; }

    /// <summary>Opens <paramref name="path"/> and checks it.</summary>
    public async Task<IResponse?> PageAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        await HereAsync(page);
        return response;
    }

    /// <summary>Checks the page as it is now.</summary>
    public async Task HereAsync(IPage page)
    {
        PagesChecked++;
        var path = new Uri(page.Url).PathAndQuery;
        var where = $"[{journey} {width}px] {path}";

        var axe = await page.RunAxeAsync(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        foreach (var v in axe.Violations)
            Add(path, "axe", $"{where}: axe {v.Id} ({v.Impact}) at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scroll, viewport) = (widths[0], widths[1]);
        if (scroll > viewport)
        {
            var widest = await page.EvaluateAsync<string>("""
                () => { let w = null, max = window.innerWidth;
                  for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect();
                    if (r.right > max + 1) { max = r.right; w = e; } }
                  return w ? w.tagName.toLowerCase() + (w.id ? '#' + w.id : '') + (w.className && typeof w.className === 'string' ? '.' + w.className.split(' ').join('.') : '') + ' ' + Math.round(max) + 'px' : ''; }
                """);
            Add(path, "overflow", $"{where}: {scroll} px wide on a {viewport} px screen (widest: {widest})");
        }

        var lang = await page.EvaluateAsync<string>("() => document.documentElement.lang");
        if (lang == "nl")
        {
            var text = await page.EvaluateAsync<string>("() => document.body.innerText");
            foreach (var english in EnglishLeftovers.Where(e => text.Contains(e, StringComparison.Ordinal)))
                Add(path, "english", $"{where}: English \"{english}\" on a Dutch page");
        }
    }

    private void Add(string path, string check, string problem)
    {
        var known = KnownGaps.Any(g => path.StartsWith(g.Key, StringComparison.Ordinal) && g.Value.Contains(check));
        (known ? _recorded : _problems).Add(problem);
    }

    /// <summary>Fails with every problem found on every page of the journey.</summary>
    public void AssertClean(ITestOutputHelper? output = null)
    {
        foreach (var r in _recorded) output?.WriteLine("known gap: " + r);
        Assert.True(_problems.Count == 0, $"{_problems.Count} problem(s) on {PagesChecked} pages:\n" + string.Join("\n", _problems));
    }
}
