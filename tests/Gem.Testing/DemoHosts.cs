using Gem.Core.Data;
using Xunit;

namespace Gem.Testing;

/// <summary>
/// The shared web-test fixture: one read-only demo host per provider (the real host over a fresh database with the
/// demo region), started on first use and shared by a test class (<c>IClassFixture&lt;DemoHosts&gt;</c>). Tests that
/// write make their own <see cref="GemWebFactory"/>.
/// </summary>
public sealed class DemoHosts : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, Task<GemWebFactory>> _hosts = [];
    private readonly Lock _lock = new();

    public Task<GemWebFactory> GetAsync(DatabaseProvider provider)
    {
        lock (_lock)
        {
            if (!_hosts.TryGetValue(provider, out var host)) _hosts[provider] = host = GemWebFactory.CreateAsync(provider);
            return host;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts.Values) await (await host).DisposeAsync();
    }
}
