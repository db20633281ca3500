using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Gem.Web.Tests.Mail;

/// <summary>
/// A real SMTP server in its own process (Debian's python3-aiosmtpd, see smtp_sink.py) on a free loopback port. It can
/// be stopped and started again on the same port; what it accepted stays in <see cref="Folder"/>, one file per message.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly double _delaySeconds;
    private Process? _process;

    private SmtpSink(double delaySeconds)
    {
        _delaySeconds = delaySeconds;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
    }

    public int Port { get; }
    public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "gem-smtp-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <param name="delaySeconds">Each recipient is answered after this long (before the message is sent), so a batch takes time.</param>
    public static async Task<SmtpSink> StartAsync(double delaySeconds = 0)
    {
        var sink = new SmtpSink(delaySeconds);
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; // Debian's, where python3-aiosmtpd is
        var script = Path.Combine(AppContext.BaseDirectory, "Mail", "smtp_sink.py");
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), Folder, _delaySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            info.ArgumentList.Add(a);
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + python);
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready")
            throw new InvalidOperationException("The SMTP server did not start (is python3-aiosmtpd installed?): " + await _process.StandardError.ReadToEndAsync());
    }

    /// <summary>The server goes away at once (killed); connections are refused until <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message accepted so far, in no particular order.</summary>
    public MimeMessage[] Received() => Directory.GetFiles(Folder, "*.eml").Select(f => MimeMessage.Load(f)).ToArray();

    public int Count => Directory.GetFiles(Folder, "*.eml").Length;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, true);
    }
}
