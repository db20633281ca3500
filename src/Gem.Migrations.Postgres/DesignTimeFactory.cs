using Gem.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace Gem.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for Postgres; no database is contacted.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GemDbContext>
{
    public GemDbContext CreateDbContext(string[] args) =>
        GemDatabase.CreateContext(DatabaseProvider.Postgres, "Host=localhost;Database=gem_design");
}
