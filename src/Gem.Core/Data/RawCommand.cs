using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gem.Core.Data;

/// <summary>Hand-written SQL on a context's own connection, for the few statements EF cannot express (abuse counters, the seat statement).</summary>
public static class RawCommand
{
    /// <summary>
    /// Runs <paramref name="run"/> with a new command on the context's connection, enlisted in its transaction if one is
    /// open; the connection is opened and closed around it as EF does for its own commands (back to the pool, unless the
    /// caller holds it open).
    /// </summary>
    public static async Task<T> RunAsync<T>(this GemDbContext db, Func<DbCommand, Task<T>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(run);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
