using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Features.Dossiers;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tenders;

namespace KamFlows.App.Features.Tenders;

/// <summary>
/// Performs <see cref="CheckBuyingGroupCoverage"/>: reads the dossier (active contacts with a role,
/// each with the later of their own last-interaction date and the latest log entry naming them, on
/// the account's calendar) and tells the process what it found, once per effect (the input id is the
/// effect id). Ids, roles and dates only: no name reaches the process.
/// </summary>
internal sealed class BuyingGroupCoverageHandler(AccountStore accounts, ContactStore contacts, DossierLog log, IServiceProvider services)
    : EffectHandler<CheckBuyingGroupCoverage>
{
    public override string Kind => CheckBuyingGroupCoverage.KindName;

    protected override async Task PerformAsync(CheckBuyingGroupCoverage effect, EffectContext context, CancellationToken ct)
    {
        var zone = (await accounts.FindAsync(effect.AccountId, ct))?.Value.TimeZone is { } tz ? TimeZoneInfo.FindSystemTimeZoneById(tz) : TimeZoneInfo.Utc;
        var lastLogged = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var interaction in await log.AllInteractionsAsync(effect.AccountId, ct))
        {
            var on = WallClock.DateOf(interaction.OccurredAt, zone);
            foreach (var contactId in interaction.ContactIds)
            {
                if (!lastLogged.TryGetValue(contactId, out var known) || known < on)
                {
                    lastLogged[contactId] = on;
                }
            }
        }

        var members = (await contacts.AllAsync(effect.AccountId, ct)).Values
            .Where(c => c is { Active: true, Erased: false, Role: not null })
            .Select(c => new BuyingGroupMember(c.Id, c.Role, Later(c.LastInteractionOn, lastLogged.TryGetValue(c.Id, out var d) ? d : null)))
            .OrderBy(m => m.ContactId, StringComparer.Ordinal)
            .ToList();
        await services.GetRequiredService<ProcessEngine>().SendAsync(
            context.Instance.Id, $"coverage|{context.EffectId}", new EngineInput.Command(new TenderCommand.CoverageFound(effect.Check, members)), Sender.System, ct);
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

/// <summary>Performs <see cref="WithdrawApproval"/>: the tender's approval request is withdrawn (once: the input id is the effect id; one already ended is left as it is).</summary>
internal sealed class WithdrawApprovalHandler(IServiceProvider services) : EffectHandler<WithdrawApproval>
{
    public override string Kind => WithdrawApproval.KindName;

    protected override Task PerformAsync(WithdrawApproval effect, EffectContext context, CancellationToken ct) =>
        services.GetRequiredService<ProcessEngine>().SendAsync(
            InstanceIds.For(ApprovalRequestDefinition.DefinitionName, effect.BusinessKey), $"withdraw|{context.EffectId}",
            new EngineInput.Command(new ApprovalCommand.Withdraw()), Sender.System, ct);
}
