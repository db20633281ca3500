using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Gem.Web.Hosting;

/// <summary>Pages rendered once inside the process before the server listens (<see cref="FirstRequestWarmup"/>).</summary>
public sealed class WarmupOptions
{
    /// <summary>Anonymous GET paths; a capability adds its own (the monitor adds <c>/monitor</c> when it warms at start).</summary>
    public List<string> Paths { get; } = [];
}

/// <summary>
/// Renders each <see cref="WarmupOptions.Paths"/> once through the whole pipeline, in process, while the host starts and
/// before the server listens (issue 17). The first real request then finds the code of the pipeline, the page and its
/// view compiled by the JIT and the route table built, instead of paying for all of that itself (about half a second
/// for <c>/monitor</c> on 2 cores). Like IIS's application initialisation, but without a request from outside: the
/// request never reaches the network, and a failing path only logs a warning.
/// </summary>
internal sealed class FirstRequestWarmup(IOptions<WarmupOptions> options, IHttpContextFactory contexts, ILogger<FirstRequestWarmup> logger) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // The factory runs once, when the host builds the pipeline: `rest` is the whole application after this point.
        app.Use(rest =>
        {
            foreach (var path in options.Value.Paths) Warm(rest, path);
            return rest;
        });
        next(app);
    };

    private void Warm(RequestDelegate pipeline, string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var features = new FeatureCollection();
        var request = new HttpRequestFeature { Method = HttpMethods.Get, Scheme = "http", Protocol = "HTTP/1.1", Path = path };
        request.Headers.Host = "localhost";
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        var context = contexts.Create(features);
        try
        {
            // Synchronous on purpose: the host is still starting and nothing listens yet; there is no synchronisation context.
            pipeline(context).GetAwaiter().GetResult();
            logger.LogInformation("Warmed {Path} before listening: HTTP {Status} in {Milliseconds} ms", path, context.Response.StatusCode, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Warming {Path} failed; the first request pays for it instead", path);
        }
        finally
        {
            contexts.Dispose(context);
        }
    }
}
