using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Plans;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Reviews;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// Performs <see cref="ReviewDecision"/>: the plan version decided through <see cref="PlanService.DecideAsync"/>
/// (a version decided already, by an earlier attempt, stays as it is), then on approval the proposed
/// class written onto the account (with its ETag; read again when it changed meanwhile).
/// </summary>
internal sealed partial class ReviewDecisionHandler(PlanService plans, AccountStore accounts, ILogger<ReviewDecisionHandler> logger) : EffectHandler<ReviewDecision>
{
    private const int Attempts = 5;

    public override string Kind => ReviewDecision.KindName;

    protected override async Task PerformAsync(ReviewDecision effect, EffectContext context, CancellationToken cancellationToken)
    {
        var (outcome, _) = await plans.DecideAsync(effect.AccountId, effect.PlanVersion, effect.Approved, effect.Comment, effect.DecidedByUserId, cancellationToken);
        if (outcome is not (PlanOutcome.Done or PlanOutcome.Conflict))
        {
            // The version is gone or was the approver's own: nothing a retry changes.
            LogNotDecided(logger, effect.AccountId, effect.PlanVersion, outcome);
        }

        if (effect is { Approved: true, NewClass: { } newClass })
        {
            for (var attempt = 1; attempt <= Attempts; attempt++)
            {
                if (await accounts.FindAsync(effect.AccountId, cancellationToken) is not { } found || found.Value.Class == newClass)
                {
                    return;
                }

                try
                {
                    await accounts.UpdateAsync(found.Value, found.Value with { Class = newClass }, found.ETag, cancellationToken);
                    return;
                }
                catch (ConcurrencyConflictException) when (attempt < Attempts)
                {
                    // Changed meanwhile: read it again.
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan version {Version} of account {AccountId} was not decided by its review: {Outcome}")]
    private static partial void LogNotDecided(ILogger logger, string accountId, int version, PlanOutcome outcome);
}
