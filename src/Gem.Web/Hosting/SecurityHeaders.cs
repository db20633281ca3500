using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Gem.Web.Hosting;

/// <summary>Section <c>Gem:Proxy</c>: the reverse proxies whose X-Forwarded-For/-Proto headers Gem believes.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Gem:Proxy";
    /// <summary>Proxy addresses (e.g. "10.0.0.5"). Empty: only a proxy on this machine (loopback) is believed.</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Proxy networks in CIDR form (e.g. "10.0.0.0/24").</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Production hardening of every response (decision 412): forwarded headers from a configured proxy, so behind an
/// HTTPS proxy the request counts as HTTPS and cookies are Secure; HSTS outside development; and security headers
/// with a strict Content-Security-Policy (no inline script or style anywhere, frames forbidden).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy every page must pass: only our own files, no inline script or style, never in a frame.</summary>
    private static HeaderPolicyCollection Build(HeaderPolicyCollection policies, bool hsts)
    {
        policies
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .RemoveServerHeader()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
                csp.AddFrameAncestors().None();
            });
        if (hsts) policies.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
        return policies;
    }

    public static void AddGemSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((o, proxyOptions) =>
        {
            var proxy = proxyOptions.Value;
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            if (proxy.KnownProxies.Count == 0 && proxy.KnownNetworks.Count == 0) return; // the defaults: loopback only
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    /// <summary>First in the pipeline: the forwarded scheme and address count for everything after.</summary>
    public static void UseGemSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(Build(new HeaderPolicyCollection(), hsts: !app.Environment.IsDevelopment()));
    }
}
