using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Approvals.Delegations;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Receivables;
using Microsoft.Extensions.Options;
using Command = KamFlows.Domain.Receivables.ReceivableFollowUpCommand;

namespace KamFlows.App.Features.Receivables;

/// <summary>
/// The follow-up of an open document, from the app's side: opened once per document of a source (its
/// id follows from them), told when an import moves the due date or amount, and told it is paid when
/// a full snapshot leaves the document out. Every input has an id from the import, so a rerun of the
/// same import after a crash sends nothing twice.
/// </summary>
public sealed class ReceivableFollowUps(
    IServiceProvider services, UserDirectory users, BusinessUnitCatalog units, IOptions<ReceivablesOptions> options)
{
    // Read when used: the engine's handlers reach the imports, which reach this class.
    private ProcessEngine Engine => services.GetRequiredService<ProcessEngine>();

    public static string ProcessIdOf(string sourceId, string document) =>
        InstanceIds.For(ReceivableFollowUpDefinition.DefinitionName, BusinessKey(sourceId, document));

    private static string BusinessKey(string sourceId, string document) => sourceId + "|" + document;

    /// <summary>
    /// Opens the follow-up of <paramref name="document"/>: the account's KAM, and for the escalation the
    /// business unit's head of KAM (the approving director where the unit has none), each on their calendar.
    /// </summary>
    public async Task OpenAsync(Account account, ReceivableDocument document, CancellationToken ct)
    {
        var head = (await units.FindAsync(account.BusinessUnit, ct))?.Value.HeadOfKamUserId ?? account.DirectorUserId;
        var parties = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var calendars = new Dictionary<string, PartyCalendar>(StringComparer.Ordinal);
        foreach (var (party, userId) in new[] { (ReceivableFollowUpDefinition.Kam, account.OwnerUserId), (ReceivableFollowUpDefinition.HeadOfKam, head) })
        {
            parties[party] = [userId];
            if (await users.FindAsync(userId, ct) is { } user)
            {
                calendars[party] = DelegateCalendar.Of(user.Value);
            }
        }

        await Engine.StartAsync(
            new StartRequest(
                ReceivableFollowUpDefinition.DefinitionName, BusinessKey(document.SourceId, document.Document),
                new Command.Open(document, options.Value.Timings), parties, calendars, AccountId: account.Id),
            Sender.System, ct);
    }

    /// <summary>The import <paramref name="importId"/> lists the document again, perhaps changed.</summary>
    public Task SeenAsync(ReceivableDocument document, string importId, CancellationToken ct) =>
        Engine.SendAsync(
            ProcessIdOf(document.SourceId, document.Document), "seen|" + importId,
            new EngineInput.Command(new Command.Seen(document.DueDate, document.Amount, document.Currency)), Sender.System, ct);

    /// <summary>The full snapshot <paramref name="importId"/> no longer lists the document.</summary>
    public Task PaidAsync(string sourceId, string document, string importId, CancellationToken ct) =>
        Engine.SendAsync(ProcessIdOf(sourceId, document), "paid", new EngineInput.Command(new Command.Paid(importId)), Sender.System, ct);
}
