using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Gem.Core.Data;
using Gem.Core.Identity;
using Gem.Testing;
using Gem.Web.Tests.Atlas;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;

namespace Gem.Web.Tests.Hardening;

/// <summary>
/// Issue 12 reliability: PostgreSQL restarted under load. Requests fail fast with 503 while it is down, recover by
/// themselves once it is back, and nothing that was answered as committed is lost. PostgreSQL only (a SQLite file does
/// not restart); on a private cluster started by this test (fsync on), so the shared test cluster is not touched.
/// </summary>
public sealed class PostgresRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RestartUnderLoad_FailsFastWith503_RecoversByItself_LosesNothingCommitted()
    {
        await using var cluster = await PrivateCluster.StartAsync();
        var owner = cluster.ConnectionString("gem");
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            foreach (var sql in new[] { "CREATE DATABASE gem", $"CREATE ROLE {TestDatabase.AppRole} LOGIN PASSWORD '{TestDatabase.AppRole}'" })
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
            }
        }
        await using var factory = new GemWebFactory(TestDatabase.External(DatabaseProvider.Postgres, owner));
        _ = factory.Services; // start: migrate, grant, seed
        Guid partner;
        await using (var db = factory.Database.CreateContext())
            partner = await db.Partners.OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        var staff = await factory.CreateUserAsync(Roles.PartnerStaff, partner);
        using var client = await factory.SignedInClientAsync(staff);

        var results = new ConcurrentBag<(string Phase, string Name, HttpStatusCode Status, TimeSpan Took)>();
        var phase = "before";
        var counter = 0;
        using var stop = new CancellationTokenSource();
        async Task WorkerAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var name = "Herstart " + Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture);
                var current = phase;
                var watch = Stopwatch.StartNew();
                HttpStatusCode status;
                try
                {
                    using var response = await client.PostAsJsonAsync($"/api/atlas/partners/{partner}/offers", StaffAuthorizationTests.ValidInput(name), AtlasApiTests.Json);
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = 0;
                }
                results.Add((current, name, status, watch.Elapsed));
                await Task.Delay(20);
            }
        }

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(WorkerAsync)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3));
        phase = "stopping";
        cluster.Stop();
        phase = "down";
        await Task.Delay(TimeSpan.FromSeconds(4));
        phase = "starting";
        cluster.Start();
        phase = "after";
        var recovered = Stopwatch.StartNew();
        while (recovered.Elapsed < TimeSpan.FromSeconds(60)
               && results.Count(r => r.Phase == "after" && r.Status == HttpStatusCode.Created) < 10)
            await Task.Delay(200);
        var recoveredAfter = recovered.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var down = results.Where(r => r.Phase == "down").ToList();
        output.WriteLine($"{results.Count} requests; while down: {down.Count} ({down.Count(r => r.Status == HttpStatusCode.ServiceUnavailable)} × 503, slowest {down.Select(r => r.Took.TotalMilliseconds).DefaultIfEmpty().Max():0} ms); "
                         + $"recovered {recoveredAfter.TotalSeconds:0.0} s after the start; statuses: {string.Join(", ", results.GroupBy(r => r.Status).Select(g => $"{(int)g.Key}×{g.Count()}"))}");
        Assert.All(results, r => Assert.True(r.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"{r.Phase} {r.Name}: {(int)r.Status}"));
        Assert.NotEmpty(down);
        Assert.All(down, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.Status));
        Assert.All(down, r => Assert.True(r.Took < TimeSpan.FromSeconds(5), $"{r.Name} took {r.Took}"));
        Assert.True(results.Count(r => r.Phase == "after" && r.Status == HttpStatusCode.Created) >= 10, "did not recover");

        // Every offer answered 201 is in the database.
        var committed = results.Where(r => r.Status == HttpStatusCode.Created).Select(r => r.Name).ToHashSet();
        NpgsqlConnection.ClearAllPools(); // this test's own pooled connections died with the server too
        await using var check = factory.Database.CreateContext();
        var stored = (await check.Offers.Where(o => o.Name.StartsWith("Herstart ")).Select(o => o.Name).ToListAsync()).ToHashSet();
        Assert.Empty(committed.Except(stored));
    }

    /// <summary>A PostgreSQL cluster of this test alone (Debian's initdb/pg_ctl), with durable commits, stopped and removed on dispose.</summary>
    private sealed class PrivateCluster : IAsyncDisposable
    {
        private readonly string _bin, _dir;
        private readonly int _port;
        private readonly bool _asRoot = Environment.UserName == "root";

        private PrivateCluster(string bin, string dir, int port) => (_bin, _dir, _port) = (bin, dir, port);

        public static Task<PrivateCluster> StartAsync() => Task.Run(() =>
        {
            var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().First();
            var dir = Path.Combine(Path.GetTempPath(), "gem-pg-restart-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(dir);
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var cluster = new PrivateCluster(bin, dir, port);
            if (cluster._asRoot) Run("chown", $"postgres:postgres {dir}");
            cluster.Pg("initdb", $"-D {dir}/data -U postgres -A trust -E UTF8 --no-locale");
            cluster.Start();
            return cluster;
        });

        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Timeout=3;Command Timeout=10";

        public void Start() => Pg("pg_ctl", $"-D {_dir}/data -l {_dir}/log -w -o \"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1\" start");

        public void Stop() => Pg("pg_ctl", $"-D {_dir}/data -m fast -w stop");

        public ValueTask DisposeAsync()
        {
            try
            {
                Pg("pg_ctl", $"-D {_dir}/data -m immediate stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
            return ValueTask.CompletedTask;
        }

        private void Pg(string tool, string args)
        {
            var exe = Path.Combine(_bin, tool);
            if (_asRoot) Run("runuser", $"-u postgres -- {exe} {args}");
            else Run(exe, args);
        }

        private static void Run(string exe, string args)
        {
            using var process = Process.Start(new ProcessStartInfo(exe, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"{exe} {args} failed ({process.ExitCode}): {stderr} {stdout.Result}");
        }
    }
}
