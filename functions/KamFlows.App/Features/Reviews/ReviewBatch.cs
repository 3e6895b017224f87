using KamFlows.Domain.Accounts;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// The id of a fan-out work message: the quarter and the account ids of the plans it opens
/// (<c>2026-Q2|id1,id2,…</c>). Ids only, like every work message.
/// </summary>
public sealed record ReviewBatch(Quarter Quarter, IReadOnlyList<string> AccountIds)
{
    public string ToId() => $"{Quarter}|{string.Join(',', AccountIds)}";

    public static ReviewBatch? Parse(string id)
    {
        var bar = id.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || !Quarter.TryParse(id[..bar], out var quarter))
        {
            return null;
        }

        var ids = id[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ids.Length == 0 ? null : new ReviewBatch(quarter, ids);
    }
}
