using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Gem.Browser.Tests;

/// <summary>
/// axe-core on a page, also on a page opened without JavaScript. axe.run waits on timers, and in a context whose scripts
/// are off a timer may never run, so axe waited for ever (it hung the diary's test and a CI run). A page without scripts
/// is therefore checked as a copy: its DOM as it is now, served at the same address in a context with scripts on, where
/// the page's own scripts are refused, so axe sees the page exactly as it was built without JavaScript.
/// </summary>
public static class Axe
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<AxeResult> RunAxeAsync(this IPage page, AxeRunOptions options)
    {
        // With scripting off, a fragment parses the inside of <noscript> as elements; with scripting on, as text.
        var scriptsOff = await page.EvaluateAsync<bool>("() => { const d = document.createElement('div'); d.innerHTML = '<noscript><p></p></noscript>'; return d.querySelector('noscript p') !== null; }");
        if (!scriptsOff) return await page.RunAxe(options).WaitAsync(Limit);

        var html = await page.ContentAsync();
        var url = page.Url;
        await using var context = await page.Context.Browser!.NewContextAsync(new() { JavaScriptEnabled = true, ViewportSize = page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null });
        var copy = await context.NewPageAsync();
        await copy.RouteAsync("**/*", async route =>
        {
            if (route.Request.IsNavigationRequest && route.Request.Url == url) await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html });
            else if (route.Request.ResourceType == "script") await route.AbortAsync();
            else await route.ContinueAsync();
        });
        await copy.GotoAsync(url);
        return await copy.RunAxe(options).WaitAsync(Limit);
    }
}
