using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;

namespace KamFlows.App.Features.ErpImports;

/// <summary>Whom an ERP row is about: a key account (found by tax id or id) or another customer, by its reference.</summary>
public sealed record Customer(string AccountId, string? BusinessUnit, bool IsKeyAccount);

/// <summary>
/// The key accounts by tax id and id, and the business units, loaded once per import (a department
/// has hundreds of accounts; a file, thousands of rows). A customer that is no key account keeps its
/// ERP reference (letters and digits) as its id: Pareto ranks every customer, not only key accounts.
/// </summary>
public sealed class CustomerDirectory
{
    private readonly Dictionary<string, Customer> _byKey;
    private readonly HashSet<string> _businessUnits;

    private CustomerDirectory(Dictionary<string, Customer> byKey, HashSet<string> businessUnits)
    {
        _byKey = byKey;
        _businessUnits = businessUnits;
    }

    public static async Task<CustomerDirectory> LoadAsync(TeamIndex index, AccountStore accounts, BusinessUnitCatalog units, CancellationToken ct)
    {
        var ids = await index.AllAccountIdsAsync(ct);
        var loaded = await Task.WhenAll(ids.Select(id => accounts.FindAsync(id, ct)));
        var byKey = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var account in loaded.Where(a => a is not null).Select(a => a!.Value))
        {
            var customer = new Customer(account.Id, account.BusinessUnit, true);
            byKey[Reference(account.TaxId)] = customer;
            byKey.TryAdd(Reference(account.Id), customer);
        }

        var codes = (await units.ListAsync(ct)).Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return new CustomerDirectory(byKey, codes);
    }

    public bool IsBusinessUnit(string code) => _businessUnits.Contains(code);

    /// <summary>The customer of an ERP tax id or code; null when it has no letter or digit.</summary>
    public Customer? Find(string taxIdOrCode)
    {
        var reference = Reference(taxIdOrCode);
        if (reference.Length == 0)
        {
            return null;
        }

        if (_byKey.TryGetValue(reference, out var customer))
        {
            return customer;
        }

        // A Portuguese NIF written with its VAT prefix, or without it.
        if (reference.StartsWith("PT", StringComparison.Ordinal) && _byKey.TryGetValue(reference[2..], out customer))
        {
            return customer;
        }

        return new Customer(reference, null, false);
    }

    /// <summary>Letters and digits, upper case: "12.ABC.345/01DE-35" and "12abc34501de35" are one customer.</summary>
    public static string Reference(string text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
