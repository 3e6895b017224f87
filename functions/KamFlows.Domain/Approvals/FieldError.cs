namespace KamFlows.Domain.Approvals;

/// <summary>What is wrong with one field of a request or a decision, in words a person can act on.</summary>
public sealed record FieldError(string Field, string Message);

public static class FieldErrors
{
    /// <summary>The errors grouped by field, as an RFC 9457 validation problem lists them.</summary>
    public static Dictionary<string, string[]> ByField(this IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);

    /// <summary>The errors in one line, for a stale reason in the history (field names and rules only, never what was typed).</summary>
    public static string Describe(this IEnumerable<FieldError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
}
