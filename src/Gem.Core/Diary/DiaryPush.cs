using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Gem.Core.Data;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gem.Core.Diary;

public enum PushOutcome { Accepted, Gone, Failed }

/// <summary>
/// Sends one Web Push message (RFC 8030) to a subscription: payload encrypted with aes128gcm (RFC 8188/8291) and signed
/// with VAPID (RFC 8292), through Lib.Net.Http.WebPush. The <c>Topic</c> is the moment, so a resend after a crash replaces
/// a message the push service still holds instead of adding one; the service worker shows it under the same tag.
/// </summary>
public sealed class DiaryPush(IServiceScopeFactory scopes, IOptions<DiaryOptions> options, IDataProtectionProvider protection) : IDisposable
{
    /// <summary>How long one push may take; <see cref="DiaryOptions.ClaimLease"/> is at least four of these.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 })
    {
        Timeout = Timeout,
    };
    private PushServiceClient? _client;
    private (string Public, string Private)? _keys;
    private VapidAuthentication? _vapid;
    private readonly VapidTokens _tokens = new();
    private readonly Lock _signing = new();
    private readonly SemaphoreSlim _keyLock = new(1, 1);

    public async Task<PushOutcome> SendAsync(DiaryPushSubscription subscription, string json, string topic, TimeSpan timeToLive, CancellationToken ct)
    {
        var vapid = await VapidAsync(ct);
        var target = new PushSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        var message = new PushMessage(json) { Topic = topic, TimeToLive = Math.Max(0, (int)timeToLive.TotalSeconds), Urgency = PushMessageUrgency.High };
        try
        {
            // The VAPID token (an ES256-signed JWT) is made once per push service and reused until an hour before it
            // expires: signing per push cost about as much as the rest of the push. Made under a lock, so the one
            // signing key is never used by two threads at once; the library then finds it in the cache.
            if (Uri.TryCreate(subscription.Endpoint, UriKind.Absolute, out var endpoint) && _tokens.Get(Audience(endpoint)) is null)
            {
                lock (_signing) vapid.GetVapidSchemeAuthenticationHeaderValueParameter(Audience(endpoint));
            }
            await (_client ??= new PushServiceClient(_http) { AutoRetryAfter = false }).RequestPushMessageDeliveryAsync(target, message, vapid, VapidAuthenticationScheme.Vapid, ct);
            return PushOutcome.Accepted;
        }
        catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
        {
            return PushOutcome.Gone;
        }
        catch (Exception e) when (e is PushServiceClientException or HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return PushOutcome.Failed;
        }
    }

    /// <summary>The JWT's audience as Lib.Net.Http.WebPush forms it: the push service's origin without its port.</summary>
    private static string Audience(Uri endpoint) => endpoint.Scheme + "://" + endpoint.Host;

    private async Task<VapidAuthentication> VapidAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _vapid) is { } made) return made;
        var (publicKey, privateKey) = await KeysAsync(ct);
        lock (_signing)
        {
            return _vapid ??= new VapidAuthentication(publicKey, privateKey) { Subject = options.Value.VapidSubject, TokenCache = _tokens };
        }
    }

    /// <summary>VAPID tokens per audience, handed out until an hour before they expire (they are made for 12 hours).</summary>
    private sealed class VapidTokens : IVapidTokenCache
    {
        private static readonly TimeSpan Margin = TimeSpan.FromHours(1);
        private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

        public string? Get(string audience) => _tokens.TryGetValue(audience, out var t) && t.Expires - DateTimeOffset.UtcNow > Margin ? t.Token : null;

        public void Put(string audience, DateTimeOffset expiration, string token) => _tokens[audience] = (token, expiration);
    }

    /// <summary>The public key browsers subscribe with (applicationServerKey).</summary>
    public async Task<string> PublicKeyAsync(CancellationToken ct = default) => (await KeysAsync(ct)).Public;

    private async Task<(string Public, string Private)> KeysAsync(CancellationToken ct)
    {
        if (_keys is { } known) return known;
        await _keyLock.WaitAsync(ct);
        try
        {
            if (_keys is { } again) return again;
            var o = options.Value;
            if (!string.IsNullOrWhiteSpace(o.VapidPublicKey) && !string.IsNullOrWhiteSpace(o.VapidPrivateKey)) _keys = (o.VapidPublicKey, o.VapidPrivateKey);
            else
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<GemDbContext>();
                _keys = await StoredKeysAsync(db, ct);
            }
            return _keys.Value;
        }
        finally
        {
            _keyLock.Release();
        }
    }

    /// <summary>
    /// The key pair kept in the database, made by the first instance that needs one (the others read that one). The
    /// private key is stored protected with ASP.NET Data Protection (the key ring every instance shares, decision 602),
    /// marked <c>dp:</c>; one kept in plain form by an earlier version is protected the first time it is read.
    /// </summary>
    private async Task<(string, string)> StoredKeysAsync(GemDbContext db, CancellationToken ct)
    {
        if (await db.Set<DiaryVapidKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == 1, ct) is { } stored)
        {
            if (stored.PrivateKey.StartsWith(ProtectedPrefix, StringComparison.Ordinal)) return (stored.PublicKey, Unprotect(stored.PrivateKey));
            await db.Set<DiaryVapidKey>().Where(k => k.Id == 1 && k.PrivateKey == stored.PrivateKey)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.PrivateKey, Protect(stored.PrivateKey)), ct);
            return (stored.PublicKey, stored.PrivateKey);
        }
        var (publicKey, privateKey) = NewKeyPair();
        db.Set<DiaryVapidKey>().Add(new DiaryVapidKey { Id = 1, PublicKey = publicKey, PrivateKey = Protect(privateKey) });
        try
        {
            await db.SaveChangesAsync(ct);
            return (publicKey, privateKey);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var winner = await db.Set<DiaryVapidKey>().AsNoTracking().FirstAsync(k => k.Id == 1, ct);
            return (winner.PublicKey, Unprotect(winner.PrivateKey));
        }
    }

    private const string ProtectedPrefix = "dp:";
    private IDataProtector Protector => protection.CreateProtector("Gem.Diary.VapidPrivateKey");
    private string Protect(string privateKey) => ProtectedPrefix + Protector.Protect(privateKey);
    private string Unprotect(string stored) =>
        stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal) ? Protector.Unprotect(stored[ProtectedPrefix.Length..]) : stored;

    /// <summary>A fresh P-256 pair: public key as the uncompressed point, private key as d, both base64url.</summary>
    public static (string Public, string Private) NewKeyPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(includePrivateParameters: true);
        return (Base64Url.EncodeToString([0x04, .. p.Q.X!, .. p.Q.Y!]), Base64Url.EncodeToString(p.D!));
    }

    public void Dispose()
    {
        _http.Dispose();
        _vapid?.Dispose();
        _keyLock.Dispose();
    }
}
