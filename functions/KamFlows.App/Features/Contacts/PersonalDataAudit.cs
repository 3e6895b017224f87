using System.Security.Claims;
using Azure.Data.Tables;
using KamFlows.App.Security;
using KamFlows.App.Storage;

namespace KamFlows.App.Features.Contacts;

/// <summary>What was done with a person's data: read, exported, erased.</summary>
public enum PersonalDataAction
{
    Read,
    Written,
    Exported,
    Erased,
}

/// <summary>One audit entry: the contact by id, who, when, what; never the data itself.</summary>
public sealed record PersonalDataAuditEntry(string ContactId, string ByUserId, PersonalDataAction Action, DateTimeOffset At);

/// <summary>
/// The personal-data audit table: partition = account id, row = <c>{contactId}|{inverted ticks}|{guid}</c>,
/// so one contact's trail is one range query, newest first. The audit outlives an erasure: it holds ids only.
/// </summary>
public sealed class PersonalDataAudit(StorageClients storage, TimeProvider clock)
{
    private readonly TableClient _table = storage.Table(StorageLayout.PersonalDataAuditTable);

    /// <summary>Writes the entry; callers do so before handing out the data, so no read goes unaudited.</summary>
    public async Task RecordAsync(string accountId, string contactId, ClaimsPrincipal by, PersonalDataAction action, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var row = new TableEntity(accountId, $"{contactId}|{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}|{Guid.NewGuid():N}")
        {
            ["ContactId"] = contactId,
            // A bootstrap administrator has no user record yet; their email would be staff data, so a role name stands in.
            ["ByUserId"] = by.KamFlowsUserId() ?? "bootstrap-admin",
            ["Action"] = action.ToString(),
            ["At"] = now,
        };
        await _table.AddEntityAsync(row, ct);
    }

    public async Task<IReadOnlyList<PersonalDataAuditEntry>> TrailAsync(string accountId, string contactId, CancellationToken ct)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {contactId + "|"} and RowKey lt {contactId + "}"}");
        var entries = new List<PersonalDataAuditEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            entries.Add(new PersonalDataAuditEntry(row.GetString("ContactId"), row.GetString("ByUserId"), Enum.Parse<PersonalDataAction>(row.GetString("Action")), row.GetDateTimeOffset("At") ?? default));
        }

        return entries;
    }
}
