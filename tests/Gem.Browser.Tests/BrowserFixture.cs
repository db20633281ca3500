using System.Net;
using System.Net.Sockets;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.Playwright;

namespace Gem.Browser.Tests;

/// <summary>
/// The real web host on a loopback port (Kestrel, SQLite, demo region) and Debian's Chromium driven by
/// Playwright. One per test class.
/// </summary>
[SqliteOnly("drives pages in a browser; what they store runs on both providers in the web tests")]
public sealed class BrowserFixture : IAsyncLifetime
{
    public GemWebFactory Factory { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await GemWebFactory.CreateAsync(DatabaseProvider.Sqlite, start: false);
        var port = FreePort();
        Factory.UseKestrel(port);
        Factory.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
        });
    }

    /// <summary>A fresh browser context; <paramref name="javaScript"/> false proves a page works without scripts.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, ViewportSize = new() { Width = width, Height = height }, BaseURL = BaseUrl });
        // The first /monitor and /monitor/mensen-en-buurt read all their data files (tens of seconds while the other test
        // assemblies run alongside); a slow first page is not what these tests are about, a missing element is.
        context.SetDefaultTimeout(120_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Factory.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
