namespace KamFlows.Domain.Accounts;

/// <summary>
/// Portugal's NIF/NIPC: 9 digits; the first digits say what kind of taxpayer it is, the last is a
/// check digit: 11 minus the sum of the first eight weighted 9 down to 2, modulo 11 (10 and 11 become 0).
/// </summary>
public static class Nif
{
    // 1-3 people, 45 non-resident people, 5 companies, 6 public bodies, 7x other entities,
    // 8 sole traders (no longer issued, still in use), 9x irregular and non-resident entities.
    private static readonly string[] Prefixes = ["1", "2", "3", "45", "5", "6", "70", "71", "72", "74", "75", "77", "79", "8", "90", "91", "98", "99"];

    /// <summary>The 9 digits when valid (an optional PT prefix and spaces are dropped); null otherwise.</summary>
    public static string? Normalise(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var text = new string(input.Where(c => c is not (' ' or '.' or '-')).ToArray()).ToUpperInvariant();
        if (text.StartsWith("PT", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length != 9 || !text.All(char.IsAsciiDigit) || !Prefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal)))
        {
            return null;
        }

        return CheckDigit(text[..8]) == text[8] - '0' ? text : null;
    }

    public static bool IsValid(string? input) => Normalise(input) is not null;

    /// <summary>The check digit of the first eight digits.</summary>
    public static int CheckDigit(string firstEight)
    {
        ArgumentNullException.ThrowIfNull(firstEight);
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (firstEight[i] - '0') * (9 - i);
        }

        var digit = 11 - (sum % 11);
        return digit >= 10 ? 0 : digit;
    }
}
