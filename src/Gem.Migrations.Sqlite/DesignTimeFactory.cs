using Gem.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Gem.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Sqlite; no database is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GemDbContext>
{
    public GemDbContext CreateDbContext(string[] args) =>
        GemDatabase.CreateContext(DatabaseProvider.Sqlite, "Data Source=design.db");
}
