using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Gem.Testing;

/// <summary>
/// The in-memory test server has no client address; a test names one with the <see cref="Header"/> header, so
/// limits per client IP address can be tested with several "computers" (absent: no address, as before).
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value.ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            await nextMiddleware(context);
        });
        next(app);
    };

    /// <summary>A client whose requests come from <paramref name="address"/>.</summary>
    public static HttpClient From(GemWebFactory factory, string address, bool redirects = false)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = redirects });
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }
}
