using System.Text.RegularExpressions;

namespace KamFlows.Domain.Accounts;

/// <summary>
/// What is left where an erased person was named: records that must stay (the interaction log,
/// audit) refer to the person by id, and any text that named them shows this marker instead.
/// </summary>
public static class Erased
{
    public const string Marker = "[erased]";

    /// <summary>
    /// Replaces every mention of the person in a free text: each identifying value whole (name,
    /// email, phone), then each part of the name of three letters or more as a whole word, so
    /// "met Ana Souza" and "Souza said" both lose the name. Case is ignored; other words stay.
    /// </summary>
    public static string Redact(string text, IEnumerable<string?> identifiers, string? name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(identifiers);
        var result = text;
        foreach (var value in identifiers.Append(name).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).OrderByDescending(v => v.Length))
        {
            result = result.Replace(value, Marker, StringComparison.OrdinalIgnoreCase);
        }

        var parts = (name ?? "").Split((char[])[' ', '\t', ',', '.', '-'], StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 3);
        foreach (var part in parts.OrderByDescending(p => p.Length))
        {
            result = Regex.Replace(result, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(part)}(?![\p{{L}}\p{{N}}])", Marker, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return result;
    }
}
