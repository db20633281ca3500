using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gem.Testing;

/// <summary>
/// The PostgreSQL server the tests use: the one named by GEM_TEST_POSTGRES (a connection string to a
/// server where we may create databases), or else a throwaway cluster this process starts with Debian's
/// initdb/pg_ctl on a free loopback port and stops when the process exits.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Connection string to the maintenance database "postgres".</summary>
    public static string AdminConnectionString => Admin.Value;

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable("GEM_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed: run scripts/test.sh (it installs the Debian package postgresql) or set GEM_TEST_POSTGRES.");

        var dir = Path.Combine(Path.GetTempPath(), "gem-pg-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres:postgres {dir}");
        var port = FreePort();
        RunPg(asRoot, Path.Combine(bin, "initdb"), $"-D {dir}/data -U postgres -A trust -E UTF8 --no-locale");
        RunPg(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {dir}/data -l {dir}/log -w -o \"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunPg(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {dir}/data -m immediate stop");
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception)
            {
                // Best effort at exit: a leftover temp folder must not fail the run.
            }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=200";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunPg(bool asRoot, string exe, string args)
    {
        if (asRoot) Run("runuser", $"-u postgres -- {exe} {args}");
        else Run(exe, args);
    }

    private static void Run(string exe, string args)
    {
        using var process = Process.Start(new ProcessStartInfo(exe, args)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("Could not start " + exe);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{exe} {args} failed ({process.ExitCode}): {stderr} {stdout.Result}");
    }
}
