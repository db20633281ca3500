using Xunit.Abstractions;
using Xunit.Sdk;

namespace Gem.Testing;

/// <summary>
/// A test (method or class) that touches the database on SQLite only, with the reason. Data tests run on both providers
/// (<see cref="TestDatabase.Providers"/>); this marks the exception, and <c>SqliteOnlyConventionTests</c> fails on a test
/// that fixes SQLite without it. Also an xUnit trait <c>Database=SqliteOnly</c>, so the exceptions can be listed or run apart.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false)]
[TraitDiscoverer("Gem.Testing.SqliteOnlyTraitDiscoverer", "Gem.Testing")]
public sealed class SqliteOnlyAttribute : Attribute, ITraitAttribute
{
    public SqliteOnlyAttribute(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
    }

    /// <summary>Why this test need not (or cannot) run on PostgreSQL, e.g. which tests cover its queries on both.</summary>
    public string Reason { get; }
}

/// <summary>Gives <see cref="SqliteOnlyAttribute"/> the trait <c>Database=SqliteOnly</c>.</summary>
public sealed class SqliteOnlyTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        yield return new("Database", "SqliteOnly");
    }
}
