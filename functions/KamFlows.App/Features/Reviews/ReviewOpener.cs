using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Plans;
using KamFlows.App.Features.Portfolio;
using KamFlows.App.Features.Users;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Reviews;
using static KamFlows.Domain.Reviews.QuarterlyReviewDefinition;

namespace KamFlows.App.Features.Reviews;

/// <summary>What became of one plan in the fan-out.</summary>
public enum OpeningOutcome
{
    Opened,
    AlreadyOpen,

    /// <summary>Nothing to review: no active account, no plan, or people missing (logged with the reason).</summary>
    Skipped,
}

/// <summary>
/// Opens the review of one account plan for a quarter, once: a review already started is left alone
/// (one point read), so a second firing, a past-due firing or an admin's re-run start nothing twice.
/// Otherwise it gathers the parties (the owner, the unit's head of KAM, the approving director, the
/// alternate director or else the head of KAM) with their calendars and the package, and starts it.
/// </summary>
public sealed partial class ReviewOpener(
    InstanceStore instances,
    AccountStore accounts,
    BusinessUnitCatalog units,
    UserDirectory users,
    PlanStore plans,
    AccountHealth health,
    ProposedClasses classes,
    ReviewRoster roster,
    ProcessEngine engine,
    ILogger<ReviewOpener> logger)
{
    public async Task<OpeningOutcome> OpenAsync(Quarter quarter, string accountId, CancellationToken ct)
    {
        var key = BusinessKeyOf(accountId, quarter.ToString());
        var id = InstanceIds.For(DefinitionName, key);
        if (await instances.LoadAsync(id, ct) is not null)
        {
            return OpeningOutcome.AlreadyOpen;
        }

        if (await accounts.FindAsync(accountId, ct) is not { Value: { Status: AccountStatus.Active } account })
        {
            return Skip(accountId, quarter, "no active account");
        }

        var readPlan = plans.ReadAsync(accountId, ct);
        var readUnit = units.FindAsync(account.BusinessUnit, ct);
        if ((await readPlan).Draft is not { } draft)
        {
            return Skip(accountId, quarter, "no plan");
        }

        if ((await readUnit)?.Value is not { } unit)
        {
            return Skip(accountId, quarter, "no business unit");
        }

        var alternateId = account.AlternateDirectorUserId ?? unit.HeadOfKamUserId;
        var people = await Task.WhenAll(new[] { account.OwnerUserId, unit.HeadOfKamUserId, account.DirectorUserId, alternateId }.Select(u => users.FindAsync(u, ct)));
        if (people.Any(p => p?.Value is not { Active: true }))
        {
            return Skip(accountId, quarter, "a KAM, head of KAM or director is not an active user");
        }

        var calendars = people.Select(p => CalendarOf(p!.Value)).ToArray();
        var reviewed = ReviewPackages.ReviewedQuarterOf(quarter);
        var proposed = classes.OfAsync(reviewed, accountId, ct);
        var assessed = health.ViewAsync(account, ct);
        var package = ReviewPackages.Of(quarter, draft.Value.Plan, account.Class, await proposed, (await assessed).Now);

        await roster.AddAsync(quarter, accountId, id, ct);
        var started = await engine.StartAsync(
            new StartRequest(
                DefinitionName,
                key,
                new QuarterlyReviewCommand.Open(accountId, quarter.ToString(), package, calendars[2], calendars[3]),
                new Dictionary<string, IReadOnlyList<string>>
                {
                    [Kam] = [account.OwnerUserId],
                    [HeadOfKam] = [unit.HeadOfKamUserId],
                    [Director] = [account.DirectorUserId],
                    [Alternate] = [alternateId],
                },
                new Dictionary<string, PartyCalendar> { [Kam] = calendars[0], [HeadOfKam] = calendars[1], [Director] = calendars[2], [Alternate] = calendars[3] },
                AccountId: accountId),
            Sender.System,
            ct);
        return started.Created ? OpeningOutcome.Opened : OpeningOutcome.AlreadyOpen;
    }

    private static PartyCalendar CalendarOf(User user) => new(user.Country, user.Region, null, user.TimeZone);

    private OpeningOutcome Skip(string accountId, Quarter quarter, string reason)
    {
        LogSkipped(logger, accountId, quarter, reason);
        return OpeningOutcome.Skipped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No quarterly review {Quarter} for account {AccountId}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string accountId, Quarter quarter, string reason);
}
