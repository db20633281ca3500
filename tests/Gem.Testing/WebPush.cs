using System.Buffers.Binary;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Gem.Testing;

/// <summary>A message the test push service accepted (201): its subscription path, headers and encrypted body.</summary>
public sealed record ReceivedPush(string Path, string? ContentEncoding, string? Ttl, string? Topic, string? Urgency, string? Authorization, byte[] Body);

/// <summary>
/// A push service on loopback speaking the part of RFC 8030 a sender uses: POST to the subscription's endpoint, answered
/// 201 Created. A test can make it hold requests (no answer, as a push service that is slow or a network that drops)
/// after a number of accepted ones, and release them later, to cut a sender's batch in the middle; a held request is
/// never counted as accepted. A path under /gone/ answers 410 (subscription expired).
/// </summary>
public sealed class TestPushService : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly ConcurrentQueue<ReceivedPush> _accepted = new();
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _acceptBeforeHolding = int.MaxValue;
    private int _acceptedCount;

    public string BaseUrl { get; }

    public TestPushService()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<ReceivedPush> Accepted => [.. _accepted];

    /// <summary>
    /// Runs for every request the service is about to accept, before it answers: a test can move its clock there (time
    /// passing while a batch sends) or wait (a slow push service).
    /// </summary>
    public Func<ReceivedPush, Task>? BeforeAnswer { get; set; }

    /// <summary>Accept this many more, then hold every request until <see cref="Release"/>.</summary>
    public void HoldAfter(int more)
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _acceptBeforeHolding, Volatile.Read(ref _acceptedCount) + more);
    }

    /// <summary>Held requests are answered 503 (their senders are gone anyway); new ones are accepted again.</summary>
    public void Release()
    {
        Interlocked.Exchange(ref _acceptBeforeHolding, int.MaxValue);
        _release.TrySetResult();
    }

    public async Task<bool> WaitForAsync(int accepted, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_accepted.Count >= accepted) return true;
            await Task.Delay(20);
        }
        return _accepted.Count >= accepted;
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        try
        {
            await request.InputStream.CopyToAsync(body);
            var path = request.Url!.AbsolutePath;
            if (path.StartsWith("/gone/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 410;
                context.Response.Close();
                return;
            }
            var slot = Interlocked.Increment(ref _acceptedCount);
            if (slot > Volatile.Read(ref _acceptBeforeHolding))
            {
                Interlocked.Decrement(ref _acceptedCount);
                await Task.WhenAny(_release.Task, Task.Delay(Timeout.Infinite, _stop.Token));
                context.Response.StatusCode = 503;
                context.Response.Close();
                return;
            }
            var received = new ReceivedPush(path, request.Headers["Content-Encoding"], request.Headers["TTL"], request.Headers["Topic"], request.Headers["Urgency"],
                request.Headers["Authorization"], body.ToArray());
            if (BeforeAnswer is { } before) await before(received);
            _accepted.Enqueue(received);
            context.Response.StatusCode = 201;
            context.Response.Headers["Location"] = BaseUrl + "messages/" + slot;
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The sender hung up (its pass was cut off): nothing was accepted.
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // Stopping.
        }
        _stop.Dispose();
    }
}

/// <summary>
/// A browser's side of a push subscription: a P-256 key pair and a 16-byte auth secret (RFC 8291), and the decryption of
/// an aes128gcm body (RFC 8188) as a browser does it, written from the RFCs (not with the sender's library).
/// </summary>
public sealed class TestBrowserKeys : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    public byte[] AuthSecret { get; } = RandomNumberGenerator.GetBytes(16);
    public byte[] PublicKey { get; }

    public TestBrowserKeys()
    {
        var p = _key.ExportParameters(false);
        PublicKey = [0x04, .. p.Q.X!, .. p.Q.Y!];
    }

    public string P256dh => Base64Url.EncodeToString(PublicKey);
    public string Auth => Base64Url.EncodeToString(AuthSecret);

    public string Decrypt(byte[] body)
    {
        // Header: salt (16) | rs (4, big-endian) | idlen (1) | keyid (the sender's ephemeral public key, 65 bytes).
        var salt = body[..16];
        var rs = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var idLength = body[20];
        var senderPublic = body[21..(21 + idLength)];
        var record = body[(21 + idLength)..];
        if (idLength != 65 || record.Length > rs) throw new InvalidOperationException($"Unexpected header: idlen {idLength}, rs {rs}, record {record.Length}.");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..65] },
        });
        var ecdhSecret = _key.DeriveRawSecretAgreement(sender.PublicKey);
        // RFC 8291 §3.3: IKM from the auth secret and both public keys; then RFC 8188 §2.2: CEK and nonce from the salt.
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicKey, .. senderPublic];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, ecdhSecret, 32, AuthSecret, keyInfo);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, "Content-Encoding: nonce\0"u8.ToArray());
        var plain = new byte[record.Length - 16];
        using (var aes = new AesGcm(cek, 16)) aes.Decrypt(nonce, record[..^16], record[^16..], plain);
        // The last (only) record ends with the delimiter 0x02 followed by zero padding.
        var end = plain.Length - 1;
        while (end >= 0 && plain[end] == 0) end--;
        if (end < 0 || plain[end] != 0x02) throw new InvalidOperationException("No last-record delimiter.");
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => _key.Dispose();
}
