using System.Globalization;

namespace KamFlows.Domain.ErpImports;

/// <summary>
/// Dates as Brazilian and Portuguese ERPs export them: day first (dd/MM/yyyy, dd-MM-yyyy, dd.MM.yyyy,
/// with two-digit years too), ISO (yyyy-MM-dd, yyyy/MM/dd, yyyyMMdd), any of them followed by a time of
/// day, which is dropped. Month-first dates are never guessed: no ERP of these countries writes them,
/// and 03/04 read the wrong way round is a silent error.
/// </summary>
public static class ErpDate
{
    /// <summary>The day-first and ISO formats tried in order when a source names none.</summary>
    public static IReadOnlyList<string> Formats { get; } =
    [
        "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "d.M.yyyy",
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd",
        "dd/MM/yy", "dd-MM-yy", "dd.MM.yy",
    ];

    private static readonly string[] FormatArray = [.. Formats];

    /// <summary>Reads a date, in <paramref name="format"/> when given (a .NET custom format such as dd/MM/yyyy), else in any of <see cref="Formats"/>.</summary>
    public static bool TryParse(string? text, string? format, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        // "2026-03-31T00:00:00", "31/03/2026 00:00:00": the date part only.
        var cut = s.IndexOfAny(' ', 'T');
        if (cut > 0)
        {
            s = s[..cut];
        }

        // A date cell of a spreadsheet that lost its date style arrives as its serial number.
        if (s.Length == 5 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var serial))
        {
            return TryFromExcelSerial(serial, out date);
        }

        return format is { Length: > 0 }
            ? DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            : DateOnly.TryParseExact(s, FormatArray, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A date Excel stores as a serial number of days (1900 date system, as every .xlsx of these ERPs).</summary>
    public static bool TryFromExcelSerial(decimal serial, out DateOnly date)
    {
        date = default;
        if (serial is < 1 or > 2958465)
        {
            return false;
        }

        date = DateOnly.FromDateTime(DateTime.FromOADate((double)decimal.Truncate(serial)));
        return true;
    }
}
