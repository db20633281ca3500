using Gem.Core.Data;
using Npgsql;

namespace Gem.Core.Tests.Data;

/// <summary>
/// The PostgreSQL connection defaults the enrolment rush was measured with (issue 17): applied when the connection string
/// is silent, never over what an operator wrote.
/// </summary>
public sealed class TunedConnectionTests
{
    [Fact]
    public void Silent_GetsPreparedStatementsNoResetAndEightConnectionsPerCore()
    {
        var tuned = new NpgsqlConnectionStringBuilder(GemDatabase.Tuned("Host=db;Username=gem;Database=gem"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(8 * Environment.ProcessorCount, tuned.MaxPoolSize);
        Assert.Equal("db", tuned.Host);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Maximum Pool Size=100")]
    [InlineData("Host=db;Max Auto Prepare=0;NoResetOnClose=false;MaxPoolSize=100")]
    [InlineData("Host=db;max auto prepare=0;no reset on close=false;maximum pool size=100")]
    public void Explicit_KeepsTheOperatorsValues(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(GemDatabase.Tuned(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(100, tuned.MaxPoolSize);
    }
}
