using Gem.Cli.Atlas;
using Gem.Core.Data;
using Gem.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gem.Core.Tests.Atlas.Import;

/// <summary><c>gem import offers FILE</c>: exit code 0 with a count, 1 with one line per bad cell, 2 when the file cannot be used.</summary>
[SqliteOnly("exit codes and output of the CLI; the import runs on both in OfferImporterTests")]
public sealed class ImportCommandTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, string file, string? partner)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ImportCommand.RunAsync(new FileInfo(file), partner, database.Provider, database.ConnectionString, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Run_CleanFile_ExitsZeroAndPrintsCount()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext()) await ImportFiles.SeedPartnersAsync(db);
        var file = Path.Combine(Path.GetTempPath(), $"gem-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(file, ImportFiles.Csv(ImportFiles.Rows(50)).ToArray());
        try
        {
            var (exit, output, _) = await RunAsync(database, file, "Buurthuis A (fictief)");

            Assert.Equal(ImportCommand.Imported, exit);
            Assert.Contains("50 offers imported", output, StringComparison.Ordinal);
            await using var check = database.CreateContext();
            Assert.Equal(50, await check.Offers.CountAsync());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Run_OneBadRow_ExitsOneAndPrintsBilingualLine()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext()) await ImportFiles.SeedPartnersAsync(db);
        var rows = ImportFiles.Rows(50);
        rows[10][ImportFiles.Column("pc4")] = "abc";
        var file = Path.Combine(Path.GetTempPath(), $"gem-import-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, ImportFiles.Xlsx(rows).ToArray());
        try
        {
            var (exit, _, error) = await RunAsync(database, file, "Buurthuis A (fictief)");

            Assert.Equal(ImportCommand.Rejected, exit);
            Assert.Contains("regel 12, kolom P (pc4): ", error, StringComparison.Ordinal);
            Assert.Contains("line 12, column P (pc4): ", error, StringComparison.Ordinal);
            await using var check = database.CreateContext();
            Assert.Equal(0, await check.Offers.CountAsync());
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task Run_MissingFile_ExitsTwo()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (exit, _, error) = await RunAsync(database, "/nonexistent/aanbod.csv", null);

        Assert.Equal(ImportCommand.Unusable, exit);
        Assert.Contains("File not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ParsesImportOffersCommandLine()
    {
        var root = new System.CommandLine.RootCommand { ImportCommand.Create() };

        var parsed = root.Parse(["import", "offers", "aanbod.csv", "--partner", "Buurthuis A", "--provider", "Sqlite"]);

        Assert.Empty(parsed.Errors);
        await Task.CompletedTask;
    }
}
