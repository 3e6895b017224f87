namespace KamFlows.Domain.Accounts;

/// <summary>
/// Brazil's CNPJ, alphanumeric from July 2026 (Receita Federal, IN RFB 2.229/2024): 12 characters
/// 0-9 or A-Z, then 2 numeric check digits. Each character counts as its ASCII code minus 48 (so a
/// digit is itself and 'A' is 17); each check digit is modulo 11 with weights 2 to 9 cycling from the
/// right, 0 when the remainder is below 2. The classic all-digit CNPJ is the same rule on digits.
/// </summary>
public static class Cnpj
{
    public const int Length = 14;

    /// <summary>The canonical form (14 characters, upper case, no punctuation) when valid; null otherwise.</summary>
    public static string? Normalise(string? input)
    {
        if (input is null)
        {
            return null;
        }

        var chars = input.Where(c => c is not ('.' or '/' or '-' or ' ')).Select(char.ToUpperInvariant).ToArray();
        if (chars.Length != Length
            || !chars.Take(12).All(c => c is (>= '0' and <= '9') or (>= 'A' and <= 'Z'))
            || !chars.Skip(12).All(char.IsAsciiDigit))
        {
            return null;
        }

        // Repeated characters (00000000000000, 11111111111111 ...) pass the arithmetic but were never issued.
        if (chars.All(c => c == chars[0]))
        {
            return null;
        }

        var body = new string(chars, 0, 12);
        return CheckDigits(body) == new string(chars, 12, 2) ? new string(chars) : null;
    }

    public static bool IsValid(string? input) => Normalise(input) is not null;

    /// <summary>The two check digits of a 12-character base (upper-case letters or digits).</summary>
    public static string CheckDigits(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.Length != 12)
        {
            throw new ArgumentException("A CNPJ base has 12 characters.", nameof(body));
        }

        var first = CheckDigit(body);
        var second = CheckDigit(body + (char)('0' + first));
        return $"{first}{second}";
    }

    private static int CheckDigit(string characters)
    {
        var sum = 0;
        for (var i = 0; i < characters.Length; i++)
        {
            var fromRight = characters.Length - 1 - i;
            var weight = 2 + (fromRight % 8);
            sum += (characters[i] - '0') * weight;
        }

        var remainder = sum % 11;
        return remainder < 2 ? 0 : 11 - remainder;
    }
}
