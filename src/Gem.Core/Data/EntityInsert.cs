using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gem.Core.Data;

/// <summary>
/// Rows EF has built (entries in the Added state) written by a statement we compose ourselves, for the few places where
/// SaveChanges' shape costs round trips (issue 17: the seat, the enrolment and its outbox row as one PostgreSQL
/// statement). Table, columns, type mappings and value converters all come from the EF model, so the statement follows
/// the entity classes and their migrations; only its shape ("INSERT … SELECT … FROM source") is ours. PostgreSQL only:
/// parameters are positional (<c>$1</c>, <c>$2</c>…), the form Npgsql sends without rewriting the SQL.
/// </summary>
public sealed class EntityInsert(GemDbContext db)
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();
    // Each parameter is made on the command that runs the statement (a type mapping makes its parameters on a command).
    private readonly List<Func<DbCommand, DbParameter>> _parameters = [];

    /// <summary>Adds a parameter for <paramref name="value"/> (its CLR type decides the database type) and returns its placeholder.</summary>
    public string Parameter(object value) => Add(command =>
    {
        var parameter = command.CreateParameter();
        parameter.Value = value;
        return parameter;
    });

    /// <summary>
    /// <c>INSERT INTO table (columns) SELECT values FROM <paramref name="source"/></c> for one Added entry: one row per
    /// row of the source (a CTE that returns one row or none), every mapped column with the entry's current value.
    /// </summary>
    public string InsertFrom(EntityEntry entry, string source)
    {
        if (entry.State != EntityState.Added) throw new InvalidOperationException($"{entry.Metadata.DisplayName()} is {entry.State}, not Added.");
        var type = entry.Metadata;
        var table = StoreObjectIdentifier.Table(type.GetTableName() ?? throw new InvalidOperationException($"{type.DisplayName()} has no table."), type.GetSchema());
        // What SaveChanges would leave to the database (a default, a computed column) or write elsewhere (owned and
        // complex types) is not supported here: refused, so a model change cannot make this statement quietly differ.
        if (type.GetComplexProperties().Any() || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
            throw new NotSupportedException($"{type.DisplayName()} has owned or complex properties; write it with SaveChanges.");
        var columns = new List<string>();
        var values = new List<string>();
        foreach (var property in type.GetProperties())
        {
            if (property.GetColumnName(table) is not { } column) continue;
            if (property.GetComputedColumnSql(table) is not null || property.GetDefaultValueSql(table) is not null || property.TryGetDefaultValue(table, out _))
                throw new NotSupportedException($"{type.DisplayName()}.{property.Name} has a database default or is computed; write it with SaveChanges.");
            var value = entry.Property(property.Name);
            if (value.IsTemporary) throw new InvalidOperationException($"{type.DisplayName()}.{property.Name} has a temporary value; the database would generate it.");
            var (mapping, current, nullable) = (property.GetRelationalTypeMapping(), value.CurrentValue, property.IsNullable);
            columns.Add(_sql.DelimitIdentifier(column));
            values.Add(Add(command => mapping.CreateParameter(command, "", current, nullable)));
        }
        return $"INSERT INTO {_sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) SELECT {string.Join(", ", values)} FROM {source}";
    }

    /// <summary>Runs <paramref name="statement"/> with the parameters made so far; the number of rows its outer command wrote.</summary>
    public Task<int> ExecuteAsync(string statement, CancellationToken ct) => db.RunAsync(command =>
    {
        command.CommandText = statement;
        foreach (var make in _parameters)
        {
            var parameter = make(command);
            parameter.ParameterName = ""; // positional
            command.Parameters.Add(parameter);
        }
        return command.ExecuteNonQueryAsync(ct);
    }, ct);

    private string Add(Func<DbCommand, DbParameter> make)
    {
        _parameters.Add(make);
        return "$" + _parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
