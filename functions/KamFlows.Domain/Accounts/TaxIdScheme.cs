namespace KamFlows.Domain.Accounts;

/// <summary>Which register a tax id belongs to, which decides how it is checked.</summary>
public enum TaxIdScheme
{
    /// <summary>Brazil's CNPJ: 12 alphanumeric characters and 2 check digits (alphanumeric since July 2026).</summary>
    Cnpj,

    /// <summary>Portugal's NIF (NIPC for companies): 9 digits, the last a mod-11 check digit.</summary>
    Nif,

    /// <summary>A VAT number of another country: a country prefix and that country's format.</summary>
    Vat,
}
