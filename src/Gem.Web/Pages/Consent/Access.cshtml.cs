using Gem.Core.Consent;
using Gem.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Gem.Web.Pages.Consent;

/// <summary>"Wie heeft mijn gegevens bekeken": my access log for a period, with names, roles and categories in words. Reading it writes a record too.</summary>
[Authorize(Policy = IdentitySetup.CitizenPolicy)]
public sealed class AccessModel(GemDbContext db, TimeProvider clock, IStringLocalizer<PlanResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public IReadOnlyList<AccessLogEntry> Entries { get; private set; } = [];
    public Guid Me { get; private set; }
    private IReadOnlyDictionary<Guid, string> _names = new Dictionary<Guid, string>();

    public async Task OnGetAsync()
    {
        Me = User.UserId();
        DateTimeOffset? Start(DateOnly? d) => d is { } x ? new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(x.ToDateTime(TimeOnly.MinValue), LocalTime.Zone), TimeSpan.Zero) : null;
        Entries = await AccessLog.ReadOwnAsync(db, clock, Me, Start(From), Start(To?.AddDays(1)));
        _names = await AccessLog.ViewerNamesAsync(db, Me, Entries);
    }

    /// <summary>Who: "Jij", the viewer's name, or "removed account".</summary>
    public string Viewer(AccessLogEntry e) =>
        e.ActorUserId == Me ? text["Access.You"] : e.ActorUserId is { } id && _names.TryGetValue(id, out var name) ? name : text["Access.UnknownViewer"];

    /// <summary>The recorded role in words: "partner-staff" → "medewerker", "resource-group:naaste" → "resourcegroep: naaste".</summary>
    public string Role(string code)
    {
        const string member = "resource-group:";
        if (code.StartsWith(member, StringComparison.Ordinal))
        {
            var role = code[member.Length..];
            var label = text["Role." + char.ToUpperInvariant(role[0]) + role[1..]];
            return text["AccessRole.ResourceGroup"] + ": " + (label.ResourceNotFound ? role : label.Value);
        }
        return string.Join(", ", code.Split(',').Select(c => text["AccessRole." + c] is { ResourceNotFound: false } found ? found.Value : c));
    }

    /// <summary>The category in words: a data category ("Crisisplan") or another part ("Aanwezigheidslijst").</summary>
    public string What(string code)
    {
        var category = text["Category." + code];
        if (!category.ResourceNotFound) return category.Value;
        var other = text["AccessWhat." + code];
        return other.ResourceNotFound ? code : other.Value;
    }
}
