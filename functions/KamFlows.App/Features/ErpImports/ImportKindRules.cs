using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using KamFlows.Domain.ErpImports;

namespace KamFlows.App.Features.ErpImports;

/// <summary>A row read and checked: the table row it is staged as (invisible until the switch) and what it touches, or why it was refused.</summary>
public readonly record struct StagedRow(TableEntity? Entity, string? Touched, string? Reason)
{
    public static StagedRow Refused(string reason) => new(null, null, reason);
}

/// <summary>What one run knows while it reads a file: the import, its source, the customers, and the natural keys seen so far.</summary>
public sealed class ImportRunContext(ImportRecord import, ImportSource source, CustomerDirectory customers)
{
    public ImportRecord Import { get; } = import;

    public ImportSource Source { get; } = source;

    public CustomerDirectory Customers { get; } = customers;

    /// <summary>Natural key -> the file row that first had it (a key given twice is a refused row) or how many times it came (a line keyed by its values).</summary>
    public Dictionary<string, int> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>A natural key within the source, hashed: fixed length, and free of the characters a row key may not hold.</summary>
    public string KeyOf(string naturalKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{Source.Id}|{naturalKey}"), hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>The business unit of a row: its own, else its account's, else the source's default; or why there is none.</summary>
    public (string? Unit, string? Reason) BusinessUnitOf(string? own, Customer customer)
    {
        if (own is not null)
        {
            return Customers.IsBusinessUnit(own) ? (own, null) : (null, $"The business unit '{own}' does not exist.");
        }

        return (customer.BusinessUnit ?? Source.DefaultBusinessUnit) is { } unit ? (unit, null)
            : (null, "The row names no business unit, the customer is no key account and the source has no default business unit.");
    }
}

/// <summary>What differs between a sales import and a receivables import: how a row is staged, and what the switch sets in motion.</summary>
public interface IImportKindRules
{
    ImportKind Kind { get; }

    /// <summary>The table (of <c>StorageLayout</c>) the rows are staged in, each in the partition its entity names.</summary>
    string StagingTable { get; }

    StagedRow Stage(string?[] values, int rowNumber, ImportRunContext context);

    /// <summary>After the switch: brings what reads the imported rows up to date. Idempotent: a crash runs it again.</summary>
    Task ApplyAsync(ImportRecord import, IReadOnlyList<string> touched, CancellationToken ct);
}
