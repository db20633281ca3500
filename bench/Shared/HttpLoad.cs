using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gem.Testing;

namespace Gem.Bench;

/// <summary>
/// What the HTTP benches share (compiled into each bench project with &lt;Compile Include="../Shared/HttpLoad.cs" /&gt;):
/// pointing a console app's host at the web project, starting it on Kestrel on a free loopback port, and a closed-loop
/// load of N concurrent connections for a fixed time with latency percentiles.
/// </summary>
internal static class HttpLoad
{
    /// <summary>A console app is not a test assembly: point the host at the web project's folder and quiet its logs.</summary>
    public static void PrepareHost()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "Gem.sln"))) root = Path.GetDirectoryName(root);
        Environment.SetEnvironmentVariable("GEM_WEB_CONTENT_ROOT", Path.Combine(root ?? ".", "src", "Gem.Web"));
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        Environment.SetEnvironmentVariable("Logging__LogLevel__Microsoft.EntityFrameworkCore", "Error");
    }

    /// <summary>Starts the host on Kestrel on a free loopback port and returns its address.</summary>
    public static Uri StartOnKestrel(GemWebFactory factory)
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            factory.UseKestrel(((IPEndPoint)listener.LocalEndpoint).Port);
        }
        factory.StartServer();
        return new Uri(factory.ClientOptions.BaseAddress.ToString().Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    public static HttpClient Client(Uri baseAddress, int connections, HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
        };

    /// <summary><paramref name="connections"/> loops, each sending the next path as soon as its last answer is read, for <paramref name="seconds"/>.</summary>
    public static async Task<LoadResult> RunAsync(HttpClient http, Func<int, string> path, int connections, int seconds)
    {
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (clock.Elapsed < until)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(path(Interlocked.Increment(ref next)), HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        return new LoadResult([.. latencies.Order()], errors, clock.Elapsed.TotalSeconds);
    }

    public const string TableHeader = "| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|---|";
}

internal sealed record LoadResult(double[] Sorted, int Errors, double Seconds)
{
    public double P(double q) => Sorted.Length == 0 ? double.NaN : Sorted[Math.Min(Sorted.Length - 1, (int)Math.Ceiling(q * Sorted.Length) - 1)];
    public string Row(string name) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Sorted.Length:N0} | {Errors} | {Sorted.Length / Seconds:F0} | {P(0.50):F1} | {P(0.95):F1} | {P(0.99):F1} |");
}
