namespace KamFlows.Domain.Accounts;

/// <summary>A checked tax id in its canonical form (upper case, no punctuation).</summary>
public sealed record TaxId(TaxIdScheme Scheme, string Value)
{
    /// <summary>
    /// Checks a tax id given for an account in <paramref name="country"/>. Brazilian accounts have a
    /// CNPJ (alphanumeric characters could be mistaken for a VAT prefix, so nothing else is tried).
    /// Elsewhere a number with a letter prefix is a VAT number (PT then still has the NIF check
    /// digit checked); a Portuguese account may give its NIF without prefix.
    /// </summary>
    public static bool TryParse(string? country, string? input, out TaxId? taxId, out string error)
    {
        taxId = null;
        error = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "TaxId is required.";
            return false;
        }

        if (country == "BR")
        {
            taxId = Cnpj.Normalise(input) is { } cnpj ? new TaxId(TaxIdScheme.Cnpj, cnpj) : null;
            error = "TaxId must be a CNPJ with correct check digits, e.g. 12.ABC.345/01DE-35 or 11.222.333/0001-81.";
            return taxId is not null;
        }

        var trimmed = input.Trim();
        var hasPrefix = trimmed.Length >= 2 && char.IsAsciiLetter(trimmed[0]) && char.IsAsciiLetter(trimmed[1]);
        if ((!hasPrefix && country == "PT") || (hasPrefix && trimmed[..2].Equals("PT", StringComparison.OrdinalIgnoreCase)))
        {
            taxId = Nif.Normalise(trimmed) is { } nif ? new TaxId(TaxIdScheme.Nif, nif) : null;
            error = "TaxId must be a NIF of 9 digits with a correct check digit, e.g. 501964843 or PT501964843.";
            return taxId is not null;
        }

        taxId = hasPrefix && VatNumber.Normalise(trimmed) is { } vat ? new TaxId(TaxIdScheme.Vat, vat) : null;
        error = "TaxId must be a VAT number: a country prefix and that country's format, e.g. ESB12345678 or DE123456789.";
        return taxId is not null;
    }
}
