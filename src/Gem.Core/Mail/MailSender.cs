using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.IO;

namespace Gem.Core.Mail;

/// <summary>Where mail goes (decision 601): <see cref="Pickup"/> writes .eml files, <see cref="Smtp"/> hands it to a relay, <see cref="None"/> keeps it in the outbox.</summary>
public enum MailTransport { None, Pickup, Smtp }

/// <summary>A way to hand over messages, opened once per batch (one SMTP connection for many messages).</summary>
public interface IMailSender
{
    Task<IMailConnection> ConnectAsync(CancellationToken ct = default);
}

public interface IMailConnection : IAsyncDisposable
{
    /// <summary>Hands over one message. The same Message-Id sent twice lands once in a pickup folder (the file is named after it).</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}

/// <summary>MailKit SMTP, or RFC 5322 .eml files (CRLF, 7-bit transfer encodings) in the pickup folder, as <see cref="MailOptions.Transport"/> says.</summary>
public sealed class MailSender(IOptions<MailOptions> options) : IMailSender
{
    private static readonly FormatOptions FileFormat = CreateFileFormat();

    public async Task<IMailConnection> ConnectAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        switch (o.Transport)
        {
            case MailTransport.Pickup:
                Directory.CreateDirectory(o.PickupDirectory!);
                return new PickupConnection(o.PickupDirectory!);
            case MailTransport.Smtp:
                var client = new SmtpClient { Timeout = (int)o.SmtpTimeout.TotalMilliseconds };
                try
                {
                    await client.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpSecurity, ct);
                    if (!string.IsNullOrEmpty(o.UserName)) await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }
                return new SmtpConnection(client);
            default:
                throw new InvalidOperationException("No mail transport: set Gem:Mail:SmtpHost (or Gem:Mail:PickupDirectory). Mail waits in the outbox until then.");
        }
    }

    /// <summary>Writes a message as a standards-conforming file: CRLF line ends and every text part in quoted-printable or base64.</summary>
    public static async Task WriteFileAsync(MimeMessage message, string path, CancellationToken ct = default)
    {
        message.Prepare(EncodingConstraint.SevenBit);
        await using var file = File.Create(path);
        await message.WriteToAsync(FileFormat, file, ct);
    }

    private static FormatOptions CreateFileFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.EnsureNewLine = true;
        return format;
    }

    private sealed class PickupConnection(string folder) : IMailConnection
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
        {
            var name = string.Concat((message.MessageId ?? throw new InvalidOperationException("A message needs a Message-Id.")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_')) + ".eml";
            var final = Path.Combine(folder, name);
            var temp = final + ".tmp";
            await WriteFileAsync(message, temp, ct);
            File.Move(temp, final, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class SmtpConnection(SmtpClient client) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct = default) => client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(true);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The relay went away after the last message; what was accepted is already marked sent.
            }
            client.Dispose();
        }
    }
}
