using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Approvals.Delegations;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Contracts;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.Options;
using Command = KamFlows.Domain.Contracts.ContractRenewalCommand;

namespace KamFlows.App.Features.Contracts;

/// <summary>
/// A contract's renewal process, from the app's side: armed when the contract is stored (the account's
/// KAM, its approving director and alternate, with their calendars and the timings in force), told
/// the KAM's terms and decisions, and cancelled with its sign-off when the contract is deleted.
/// </summary>
public sealed class ContractRenewals(
    IServiceProvider services, InstanceStore instances, UserDirectory users, BusinessUnitCatalog units, IOptions<ContractsOptions> options)
{
    // Read when used: the engine's effect handlers include the renewed-contract handler, which arms renewals.
    private ProcessEngine Engine => services.GetRequiredService<ProcessEngine>();

    /// <summary>One renewal per contract: its id follows from the contract's.</summary>
    public static string ProcessIdOf(string contractId) => InstanceIds.For(ContractRenewalDefinition.DefinitionName, contractId);

    /// <summary>Starts the renewal of <paramref name="contract"/>, or finds the one started already.</summary>
    public async Task ArmAsync(Contract contract, Account account, CancellationToken ct)
    {
        var alternate = account.AlternateDirectorUserId
            ?? (await units.FindAsync(account.BusinessUnit, ct))?.Value.HeadOfKamUserId;
        var people = new Dictionary<string, string?>
        {
            [ContractRenewalDefinition.Kam] = account.OwnerUserId,
            [ContractRenewalDefinition.Director] = account.DirectorUserId,
            [ContractRenewalDefinition.Alternate] = alternate,
        };
        var parties = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var calendars = new Dictionary<string, PartyCalendar>(StringComparer.Ordinal);
        foreach (var (party, userId) in people)
        {
            if (userId is not null && await users.FindAsync(userId, ct) is { } user)
            {
                parties[party] = [userId];
                calendars[party] = DelegateCalendar.Of(user.Value);
            }
        }

        var arm = new Command.Arm(
            account.Id, contract.Id, contract.Terms, account.OwnerUserId, account.DirectorUserId,
            alternate is null ? [] : [alternate], calendars, options.Value.Timings);
        await Engine.StartAsync(
            new StartRequest(ContractRenewalDefinition.DefinitionName, contract.Id, arm, parties, calendars, AccountId: account.Id),
            Sender.System, ct);
    }

    public async Task<ProcessInstance?> FindAsync(string contractId, CancellationToken ct) =>
        (await instances.LoadAsync(ProcessIdOf(contractId), ct))?.Instance;

    public Task<SendOutcome> SendAsync(string contractId, string inputId, Command command, Sender sender, CancellationToken ct) =>
        Engine.SendAsync(ProcessIdOf(contractId), inputId, new EngineInput.Command(command), sender, ct);

    /// <summary>Cancels the renewal, then withdraws a sign-off still waiting on the director (nobody needs it any more).</summary>
    public async Task CancelAsync(string contractId, string reason, CancellationToken ct)
    {
        var id = ProcessIdOf(contractId);
        await Engine.SendAsync(id, "cancel|" + contractId, new EngineInput.Command(new Command.Cancel(reason)), Sender.System, ct);
        if (await instances.LoadAsync(id, ct) is { } found)
        {
            foreach (var child in found.Instance.Children)
            {
                await Engine.SendAsync(child, "withdraw|" + id, new EngineInput.Command(new ApprovalCommand.Withdraw()), Sender.System, ct);
            }
        }
    }
}
