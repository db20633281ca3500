using System.Security.Cryptography.X509Certificates;
using Gem.Core.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Gem.Web.Hosting;

/// <summary>Section <c>Gem:DataProtection</c>: the certificate that encrypts the key ring at rest (decision 602).</summary>
public sealed class DataProtectionOptions
{
    public const string Section = "Gem:DataProtection";
    /// <summary>A PKCS#12 (.pfx) file with a private key; relative paths are under the content root. Every instance needs the same one.</summary>
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
    /// <summary>Outside Development and Testing, refuse to start with an unencrypted key ring (default false: start, with a warning).</summary>
    public bool RequireEncryption { get; set; }
}

/// <summary>
/// The keys that protect sign-in cookies, antiforgery tokens and Identity's links live in the database (table
/// DataProtectionKeys), so every web instance on that database reads and writes one key ring: a cookie made by one
/// instance opens pages on another, and a restart signs nobody out. With a certificate configured each key is
/// encrypted with it before it is stored (decision 602, docs/two-servers.md).
/// </summary>
public static class DataProtectionSetup
{
    public static void AddGemDataProtection(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DataProtectionOptions.Section).Get<DataProtectionOptions>() ?? new DataProtectionOptions();
        var protection = builder.Services.AddDataProtection().SetApplicationName("Gem").PersistKeysToDbContext<GemDbContext>();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            if (options.RequireEncryption)
                throw new InvalidOperationException("Gem:DataProtection:CertificatePath is required: the key ring must be encrypted at rest (Gem:DataProtection:RequireEncryption is true).");
            builder.Services.AddHostedService<UnencryptedKeyRingWarning>();
            return;
        }
        var path = Path.GetFullPath(options.CertificatePath, builder.Environment.ContentRootPath);
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"The Data Protection certificate {path} has no private key.");
        // Decrypting with the same certificate from the file, not from a certificate store (there is none on Linux).
        protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    private sealed class UnencryptedKeyRingWarning(ILogger<UnencryptedKeyRingWarning> logger, IHostEnvironment environment) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
                logger.LogWarning("Data Protection keys are stored in the database without encryption: set Gem:DataProtection:CertificatePath (see docs/two-servers.md)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
