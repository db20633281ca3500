namespace Gem.Web.Hosting;

/// <summary>
/// What every capability stands on, in one place: database, identity and sign-in (<see cref="SignIn"/>), mail,
/// localization, rate limits, security headers and forwarded headers, ProblemDetails, OpenAPI, Razor Pages and the clock; and the request pipeline.
/// </summary>
public static class HostingModule
{
    public static void AddGemHosting(this WebApplicationBuilder builder)
    {
        builder.AddGemDatabase();
        builder.AddGemIdentity();
        builder.AddGemMail();
        builder.AddGemSms();
        builder.AddGemLocalization();
        builder.AddGemRateLimits();
        builder.AddGemSecurity();
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<WarmupOptions>();
        builder.Services.AddTransient<IStartupFilter, FirstRequestWarmup>();
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddGemOpenApi();
        builder.Services.AddRazorPages(o => o.Conventions.AddPageRoute("/Atlas/EditOffer", "/partner/offers/new"));
        builder.Services.AddSingleton(TimeProvider.System);
        OutOfHoursGpOptions.Add(builder);
        RegionContactOptions.Add(builder);
    }

    /// <summary>Migrates (and seeds), then the middleware in order and the shared endpoints (OpenAPI, pages, culture switch).</summary>
    public static async Task UseGemHostingAsync(this WebApplication app)
    {
        await app.InitializeDatabaseAsync();
        app.UseGemSecurity();
        // Before anything reads a form: an import upload over the limit goes back to its page with a message.
        Gem.Web.Atlas.ImportUploadLimit.UseImportUploadLimit(app);
        // Before the error pages, so a re-executed status page keeps the language of the request it answers.
        app.UseRequestLocalization();
        app.UseGemErrorPages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapRazorPages();
        app.MapCultureSwitch();
    }
}
