using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Features.Users;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tenders;
using Microsoft.Extensions.Options;
using Definition = KamFlows.Domain.Tenders.TenderPreparationDefinition;

namespace KamFlows.App.Features.Tenders;

public enum TenderChange
{
    Applied,
    Unchanged,
    NotFound,
    Forbidden,
    Refused,
    Ended,
}

/// <summary>What became of a registration: the tender (new or found again), or why not.</summary>
public sealed record TenderRegistration(Tender? Tender, bool Created, IReadOnlyDictionary<string, string[]>? Errors, bool KeyReused = false, bool Forbidden = false);

/// <summary>
/// Registers tenders and hands what people do with them to their TenderPreparation process. A
/// registration checks everything before it writes anything (the account is the caller's, the
/// documents are in its dossier, the business unit has a head of KAM and the account a director who
/// are not its owner), writes the record, then starts the process; both steps are idempotent by the
/// tender id, so a retried request finishes what a crash left half done.
/// </summary>
public sealed class TenderDesk(
    TenderStore store,
    AccountAccess access,
    BusinessUnitCatalog units,
    UserDirectory users,
    DocumentStore documents,
    ProcessEngine engine,
    InstanceStore instances,
    IOptions<TendersOptions> options,
    IOptions<AppOptions> app,
    TimeProvider clock)
{
    public async Task<TenderRegistration> RegisterAsync(ClaimsPrincipal who, string idempotencyKey, TenderInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (await access.FindAsync(who, input.AccountId!, ct) is not { } grant)
        {
            return new(null, false, new Dictionary<string, string[]> { ["accountId"] = ["There is no such account."] });
        }

        if (!grant.CanChange)
        {
            return new(null, false, null, Forbidden: true);
        }

        var account = grant.Account.Value;
        if (account.Status == AccountStatus.Archived)
        {
            errors["accountId"] = ["The account is archived."];
        }

        if (TenderRules.DateProblem(input.ExpectedTenderDate!.Value, Today(account)) is { } dateProblem)
        {
            errors["expectedTenderDate"] = [dateProblem];
        }

        var lots = input.Lots!.Select(l => l?.Trim() ?? "").ToList();
        for (var i = 0; i < lots.Count; i++)
        {
            if (lots[i].Length is 0 or > 200)
            {
                errors[$"lots[{i}]"] = ["A lot or product is 1 to 200 characters."];
            }
        }

        var documentIds = (input.DocumentIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        foreach (var documentId in documentIds)
        {
            if (string.IsNullOrEmpty(documentId) || documentId.Length > 64 || await documents.FindAsync(account.Id, documentId, ct) is null)
            {
                errors[$"documentIds[{documentId}]"] = ["There is no such document in the account's dossier."];
            }
        }

        var (parties, calendars, partyErrors) = await PartiesAsync(account, ct);
        foreach (var (field, messages) in partyErrors)
        {
            errors[field] = messages;
        }

        if (errors.Count > 0)
        {
            return new(null, false, errors);
        }

        var userId = who.KamFlowsUserId() ?? "bootstrap-admin";
        var id = TenderStore.IdFor(userId, idempotencyKey);
        var tender = new Tender(
            id, account.Id, account.BusinessUnit, input.Buyer!.Trim(), input.Reference!.Trim(), input.ExpectedTenderDate!.Value,
            input.EstimatedValue!.Value, input.Currency!, lots, documentIds, userId,
            InstanceIds.For(Definition.DefinitionName, id), clock.GetUtcNow());
        var (stored, created, sameRequest) = await store.AddAsync(tender, TenderStore.HashOf(input), ct);
        if (!sameRequest)
        {
            return new(stored, false, null, KeyReused: true);
        }

        var c = input.BidCriteria!;
        var register = new TenderCommand.Register(
            stored.Id, account.Id, account.TimeZone, stored.Reference, stored.ExpectedTenderDate,
            new BidCriteria(c.StrategicFit!.Value, c.EstimatedMarginPercent!.Value, c.BuyingGroupCoverage!.Value, c.Competitors!.Trim(), c.Capacity!.Value),
            options.Value.ToTimings(), calendars[Definition.Head], calendars[Definition.Director],
            new Uri(app.Value.PublicBaseUrl!, $"/api/tenders/{stored.Id}").ToString());
        await engine.StartAsync(new StartRequest(Definition.DefinitionName, stored.Id, register, parties, calendars, account.Id), Sender.System, ct);
        return new(stored, created, null);
    }

    /// <summary>The tender with what its process says now, if <paramref name="who"/> may see its account.</summary>
    public async Task<(Tender Tender, AccountGrant Grant, ProcessInstance Instance)?> FindAsync(ClaimsPrincipal who, string id, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } tender
            || await access.FindAsync(who, tender.AccountId, ct) is not { } grant
            || await instances.LoadAsync(tender.ProcessId, ct) is not { } found)
        {
            return null;
        }

        return (tender, grant, found.Instance);
    }

    /// <summary>Sends the tender's process a command of <paramref name="who"/>; a refusal comes with the process's reason.</summary>
    public async Task<(TenderChange Change, string? Reason)> SendAsync(ClaimsPrincipal who, string id, string inputId, TenderCommand command, CancellationToken ct)
    {
        if (await FindAsync(who, id, ct) is not var (tender, grant, _))
        {
            return (TenderChange.NotFound, null);
        }

        if (!grant.CanChange)
        {
            return (TenderChange.Forbidden, null);
        }

        var outcome = await engine.SendAsync(tender.ProcessId, inputId, new EngineInput.Command(command), Processes.ProcessesApi.SenderOf(who), ct);
        return outcome switch
        {
            SendOutcome.Applied or SendOutcome.Duplicate => (TenderChange.Applied, null),
            SendOutcome.NotAllowed => (TenderChange.Forbidden, null),
            SendOutcome.NotFound => (TenderChange.NotFound, null),
            SendOutcome.Ended => (TenderChange.Ended, null),
            _ => (TenderChange.Refused, (await instances.HistoryAsync(tender.ProcessId, ct)).LastOrDefault(h => h.Kind == "stale")?.Detail),
        };
    }

    /// <summary>The account's date now: what "today" is for a tender date.</summary>
    public DateOnly Today(Account account) => WallClock.DateOf(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(account.TimeZone));

    private async Task<(Dictionary<string, IReadOnlyList<string>>, Dictionary<string, PartyCalendar>, Dictionary<string, string[]>)> PartiesAsync(Account account, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unit = (await units.FindAsync(account.BusinessUnit, ct))?.Value;
        var kam = (await users.FindAsync(account.OwnerUserId, ct))?.Value;
        var head = unit is null ? null : (await users.FindAsync(unit.HeadOfKamUserId, ct))?.Value;
        var director = (await users.FindAsync(account.DirectorUserId, ct))?.Value;
        if (head is not { Active: true } || kam is null || director is not { Active: true })
        {
            errors["accountId"] = ["The account needs an owner, a business unit with an active head of KAM, and an active director."];
        }
        else if (head.Id == kam.Id || director.Id == kam.Id || head.Id == director.Id)
        {
            errors["accountId"] = ["The head of KAM, the director and the account's owner are three people: no one decides their own bid."];
        }

        if (errors.Count > 0)
        {
            return ([], [], errors);
        }

        var parties = new Dictionary<string, IReadOnlyList<string>>
        {
            [Definition.Kam] = [kam!.Id],
            [Definition.Head] = [head!.Id],
            [Definition.Director] = [director!.Id],
        };
        var calendars = new Dictionary<string, PartyCalendar>
        {
            [Definition.Account] = new(account.Country, account.Region, null, account.TimeZone),
            [Definition.Kam] = CalendarOf(kam),
            [Definition.Head] = CalendarOf(head),
            [Definition.Director] = CalendarOf(director),
        };
        return (parties, calendars, errors);
    }

    private static PartyCalendar CalendarOf(User user) => new(user.Country, user.Region, null, user.TimeZone);
}
