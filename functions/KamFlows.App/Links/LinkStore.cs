using Azure;
using Azure.Data.Tables;
using KamFlows.App.Storage;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Links;

/// <summary>
/// Emailed links, kept in the partition of the instance they act on (table <c>processes</c>): a row
/// per link (<c>l|{hash}</c>) and, per step and recipient, a row naming the one that works
/// (<c>lc|{step}|{recipient}</c>), so a reminder's new link revokes the old one. Using a link is a
/// row written in the same transaction as the transition it carries (<see cref="MarkUsed"/>).
/// </summary>
public sealed class LinkStore(StorageClients storage, LinkTokens tokens, IOptions<EmailedLinkOptions> options, TimeProvider clock)
{
    private readonly TableClient _table = storage.Table(StorageLayout.ProcessesTable);

    /// <summary>
    /// Issues the link an email effect carries. Idempotent by effect id: a retried effect gets the
    /// same token, and the link row it made the first time.
    /// </summary>
    public async Task<IssuedLink> IssueAsync(
        string instanceId, string effectId, string step, string party, string recipient, RecipientKind kind, CancellationToken ct)
    {
        var token = await tokens.ForEffectAsync(effectId, ct);
        var hash = LinkTokens.Hash(token);
        if (await ReadAsync(instanceId, LinkRow(hash), ct) is { } existing)
        {
            var current = await ReadAsync(instanceId, CurrentRow(step, recipient), ct);
            var link = ToLink(instanceId, existing);
            return new IssuedLink(instanceId, token, link, Superseded: current?.GetString("Hash") != hash);
        }

        var now = clock.GetUtcNow();
        var row = new TableEntity(instanceId, LinkRow(hash))
        {
            ["Step"] = step,
            ["Party"] = party,
            ["Recipient"] = recipient,
            ["RecipientKind"] = kind.ToString(),
            ["IssuedAt"] = now,
            ["ExpiresAt"] = now + options.Value.Lifetime,
        };
        var pointer = new TableEntity(instanceId, CurrentRow(step, recipient)) { ["Hash"] = hash, ["IssuedAt"] = now };
        try
        {
            await _table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, row),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, pointer),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
        {
            // the same effect, retried at the same moment: its first pass made the rows
        }

        return new IssuedLink(instanceId, token, ToLink(instanceId, row), Superseded: false);
    }

    /// <summary>What a token is for this instance, and whether it still works.</summary>
    public async Task<LinkLookup> FindAsync(string instanceId, string? token, CancellationToken ct)
    {
        if (!LinkTokens.LooksLikeToken(token) || await ReadAsync(instanceId, LinkRow(LinkTokens.Hash(token!)), ct) is not { } row)
        {
            return LinkLookup.Unknown;
        }

        var link = ToLink(instanceId, row);
        if (link.UsedAt is not null)
        {
            return new LinkLookup(LinkStatus.Used, link);
        }

        var current = await ReadAsync(instanceId, CurrentRow(link.Step, link.Recipient), ct);
        return current?.GetString("Hash") != link.Hash ? new LinkLookup(LinkStatus.Revoked, link)
            : link.ExpiresAt <= clock.GetUtcNow() ? new LinkLookup(LinkStatus.Expired, link)
            : new LinkLookup(LinkStatus.Live, link);
    }

    /// <summary>The row that marks a link used, for the transaction that records what it was used for.</summary>
    public static TableEntity MarkUsed(Link link, string usedBy, DateTimeOffset at) =>
        new(link.InstanceId, LinkRow(link.Hash)) { ["UsedAt"] = at, ["UsedBy"] = usedBy };

    /// <summary>The input id of what a link carries: one per link, so a link acts once however often it is posted.</summary>
    public static string InputId(Link link) => $"link|{link.Hash}";

    /// <summary>
    /// Counts a request for a fresh link against the old link's hourly allowance. False when the
    /// allowance is spent (or the old link is gone).
    /// </summary>
    public async Task<bool> TryCountFreshRequestAsync(Link link, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await ReadAsync(link.InstanceId, LinkRow(link.Hash), ct) is not { } row)
            {
                return false;
            }

            var windowStart = row.GetDateTimeOffset("FreshWindowStart");
            var inWindow = windowStart is { } start && now - start < TimeSpan.FromHours(1);
            var count = inWindow ? row.GetInt32("FreshCount") ?? 0 : 0;
            if (count >= options.Value.FreshLinksPerHour)
            {
                return false;
            }

            var update = new TableEntity(link.InstanceId, row.RowKey)
            {
                ["FreshWindowStart"] = inWindow ? windowStart : now,
                ["FreshCount"] = count + 1,
            };
            try
            {
                await _table.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // counted by a concurrent request: read again
            }
        }

        return false;
    }

    private async Task<TableEntity?> ReadAsync(string instanceId, string rowKey, CancellationToken ct)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, rowKey, cancellationToken: ct);
        return row.HasValue ? row.Value : null;
    }

    private static string LinkRow(string hash) => $"l|{hash}";

    private static string CurrentRow(string step, string recipient) => $"lc|{step}|{recipient}";

    private static Link ToLink(string instanceId, TableEntity row) => new(
        instanceId,
        row.RowKey[2..],
        row.GetString("Step"),
        row.GetString("Party"),
        row.GetString("Recipient"),
        Enum.Parse<RecipientKind>(row.GetString("RecipientKind")),
        row.GetDateTimeOffset("IssuedAt") ?? default,
        row.GetDateTimeOffset("ExpiresAt") ?? default,
        row.GetDateTimeOffset("UsedAt"),
        row.GetString("UsedBy"));
}
