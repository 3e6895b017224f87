using System.Globalization;

namespace KamFlows.Domain.ErpImports;

/// <summary>Which character separates the decimals in an export: Brazilian and Portuguese ERPs write a comma, others a point.</summary>
public enum DecimalMark
{
    /// <summary>Decided per value: the last of comma and point is the decimal mark, a repeated one groups thousands.</summary>
    Auto,
    Comma,
    Point,
}

/// <summary>
/// Amounts and quantities as ERPs write them ("1.234,56", "1,234.56", "-12,5", "123,45-", "(12,50)",
/// "R$ 1.234,56"), read exactly into a <see cref="decimal"/>: never through floating point.
/// </summary>
public static class ErpNumber
{
    public static bool TryParse(string? text, DecimalMark mark, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[Math.Min(text.Length + 1, 128)];
        if (text.Length >= buffer.Length)
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        var negative = false;
        if (s.Length > 1 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        // SAP writes the sign after the number.
        if (s.Length > 1 && s[^1] == '-')
        {
            negative = !negative;
            s = s[..^1].TrimEnd();
        }

        s = WithoutCurrencySymbol(s);
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative ^= s[0] == '-';
            s = s[1..].TrimStart();
        }

        var decimalChar = mark switch
        {
            DecimalMark.Comma => ',',
            DecimalMark.Point => '.',
            _ => Guess(s),
        };

        var length = 0;
        var seenDecimal = false;
        var digits = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                buffer[length++] = c;
                digits++;
            }
            else if (c == decimalChar && !seenDecimal)
            {
                seenDecimal = true;
                buffer[length++] = '.';
            }
            else if ((c is '.' or ',' or ' ' or '\u00A0' or '\u202F' or '\'') && c != decimalChar && !seenDecimal)
            {
                // A thousands separator: skipped (only before the decimals).
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || !decimal.TryParse(buffer[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        value = negative ? -value : value;
        return true;
    }

    /// <summary>The decimal mark most values of a column use (for a preview to propose), or Auto when none shows one.</summary>
    public static DecimalMark Sniff(IEnumerable<string?> samples)
    {
        int commas = 0, points = 0;
        foreach (var sample in samples)
        {
            if (sample is null)
            {
                continue;
            }

            var s = sample.AsSpan().Trim();
            var last = s.LastIndexOfAny(',', '.');
            if (last < 0)
            {
                continue;
            }

            // "1.234" alone says nothing: three digits after one separator may be thousands.
            var ambiguous = s.Count(s[last]) == 1 && s.IndexOfAny(',', '.') == last && s.Length - last - 1 == 3;
            if (ambiguous)
            {
                continue;
            }

            if (s.Count(s[last]) > 1)
            {
                // Repeated: it groups thousands, so the other one is the decimal mark.
                if (s[last] == ',') { points++; } else { commas++; }
            }
            else if (s[last] == ',') { commas++; } else { points++; }
        }

        return commas == 0 && points == 0 ? DecimalMark.Auto : commas >= points ? DecimalMark.Comma : DecimalMark.Point;
    }

    private static char Guess(ReadOnlySpan<char> s)
    {
        var last = s.LastIndexOfAny(',', '.');
        if (last < 0)
        {
            return '.';
        }

        // A separator that repeats groups thousands ("1.234.567"): the decimal mark is the other one.
        return s.Count(s[last]) > 1 ? (s[last] == ',' ? '.' : ',') : s[last];
    }

    private static ReadOnlySpan<char> WithoutCurrencySymbol(ReadOnlySpan<char> s)
    {
        foreach (var symbol in (ReadOnlySpan<string>)["R$", "€", "$", "EUR", "BRL", "USD"])
        {
            if (s.StartsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                return s[symbol.Length..].TrimStart();
            }

            if (s.EndsWith(symbol, StringComparison.OrdinalIgnoreCase))
            {
                return s[..^symbol.Length].TrimEnd();
            }
        }

        return s;
    }
}
