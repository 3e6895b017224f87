using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Contracts;

namespace KamFlows.App.Features.Contracts;

/// <summary>
/// Performs <see cref="RenewContract"/>: stores the renewed contract (its id follows from the previous
/// one, so a repeat finds it), marks the previous one renewed, and arms the new one's renewal (started
/// once per contract). Each step is safe to repeat, so a retry after a crash finishes what is left.
/// </summary>
internal sealed class RenewContractHandler(ContractStore contracts, AccountStore accounts, ContractRenewals renewals, TimeProvider clock)
    : EffectHandler<RenewContract>
{
    public override string Kind => RenewContract.KindName;

    protected override async Task PerformAsync(RenewContract effect, EffectContext context, CancellationToken cancellationToken)
    {
        var account = (await accounts.FindAsync(effect.AccountId, cancellationToken))?.Value
            ?? throw new InvalidOperationException($"Account {effect.AccountId} of a renewed contract is gone.");
        var previous = await contracts.FindAsync(effect.AccountId, effect.PreviousContractId, cancellationToken)
            ?? throw new InvalidOperationException($"Contract {effect.PreviousContractId} to renew is gone.");
        var renewed = new Contract(
            effect.NewContractId, effect.AccountId, previous.Value.Reference + " (renewal)", effect.Terms, previous.Value.DocumentIds,
            ContractStatus.Active, previous.Value.Id, null, ContractRenewals.ProcessIdOf(effect.NewContractId), effect.ApprovedByUserId, clock.GetUtcNow());
        await contracts.AddAsync(renewed, cancellationToken);
        var stored = (await contracts.FindAsync(effect.AccountId, effect.NewContractId, cancellationToken))!.Value;
        if (previous.Value.Status == ContractStatus.Active)
        {
            try
            {
                await contracts.UpdateAsync(previous.Value with { Status = ContractStatus.Renewed, RenewedByContractId = effect.NewContractId }, previous.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                throw new InvalidOperationException($"Contract {effect.PreviousContractId} changed while being marked renewed; the retry marks it.");
            }
        }

        await renewals.ArmAsync(stored, account, cancellationToken);
    }
}
