using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Gem.Web.Hosting;

/// <summary>Dutch first, English second. The choice is kept in the culture cookie (strictly necessary).</summary>
public static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en-GB")];

    public static void AddGemLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
    }

    /// <summary>GET /culture?c=en&amp;returnUrl=/atlas stores the language choice and goes back (local addresses only).</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(x => x.TwoLetterISOLanguageName == c) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(IsLocalPath(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();

    /// <summary>
    /// A path on this site: "/" followed by anything but a second "/" or "\" (which browsers read as another host), and
    /// no control characters. Anything else goes home instead of answering 500 or redirecting away.
    /// </summary>
    public static bool IsLocalPath(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
