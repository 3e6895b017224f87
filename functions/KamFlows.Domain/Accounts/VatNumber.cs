using System.Text.RegularExpressions;

namespace KamFlows.Domain.Accounts;

/// <summary>
/// A VAT number of a country without its own check here: the country prefix and that country's
/// format (as VIES documents them). The format catches typos; only the tax authority knows whether
/// the number was issued.
/// </summary>
public static class VatNumber
{
    private static readonly Dictionary<string, Regex> Formats = new(StringComparer.Ordinal)
    {
        ["AT"] = new("^U[0-9]{8}$"),
        ["BE"] = new("^[01][0-9]{9}$"),
        ["BG"] = new("^[0-9]{9,10}$"),
        ["CY"] = new("^[0-9]{8}[A-Z]$"),
        ["CZ"] = new("^[0-9]{8,10}$"),
        ["DE"] = new("^[0-9]{9}$"),
        ["DK"] = new("^[0-9]{8}$"),
        ["EE"] = new("^[0-9]{9}$"),
        ["EL"] = new("^[0-9]{9}$"),
        ["ES"] = new("^[A-Z0-9][0-9]{7}[A-Z0-9]$"),
        ["FI"] = new("^[0-9]{8}$"),
        ["FR"] = new("^[A-HJ-NP-Z0-9]{2}[0-9]{9}$"),
        ["HR"] = new("^[0-9]{11}$"),
        ["HU"] = new("^[0-9]{8}$"),
        ["IE"] = new("^([0-9]{7}[A-W][A-I]?|[0-9][A-Z+*][0-9]{5}[A-W])$"),
        ["IT"] = new("^[0-9]{11}$"),
        ["LT"] = new("^([0-9]{9}|[0-9]{12})$"),
        ["LU"] = new("^[0-9]{8}$"),
        ["LV"] = new("^[0-9]{11}$"),
        ["MT"] = new("^[0-9]{8}$"),
        ["NL"] = new("^[0-9]{9}B[0-9]{2}$"),
        ["PL"] = new("^[0-9]{10}$"),
        ["RO"] = new("^[0-9]{2,10}$"),
        ["SE"] = new("^[0-9]{10}01$"),
        ["SI"] = new("^[0-9]{8}$"),
        ["SK"] = new("^[0-9]{10}$"),
        ["XI"] = new("^([0-9]{9}|[0-9]{12}|GD[0-9]{3}|HA[0-9]{3})$"),
        ["GB"] = new("^([0-9]{9}|[0-9]{12}|GD[0-9]{3}|HA[0-9]{3})$"),
        ["CHE"] = new("^[0-9]{9}(MWST|TVA|IVA)?$"),
        ["NO"] = new("^[0-9]{9}(MVA)?$"),
    };

    /// <summary>The prefixes with a known format.</summary>
    public static IReadOnlyCollection<string> Prefixes => Formats.Keys;

    /// <summary>The number in upper case without spaces, dots or hyphens, prefix first, when its format is right; null otherwise.</summary>
    public static string? Normalise(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var text = new string(input.Where(c => c is not (' ' or '.' or '-')).ToArray()).ToUpperInvariant();
        // Switzerland's prefix is three letters; everyone else's two.
        var prefix = text.StartsWith("CHE", StringComparison.Ordinal) ? "CHE" : text.Length >= 2 ? text[..2] : text;
        return Formats.TryGetValue(prefix, out var format) && format.IsMatch(text[prefix.Length..]) ? text : null;
    }
}
