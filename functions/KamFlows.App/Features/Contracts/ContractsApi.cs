using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using KamFlows.App.Engine;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Dossiers;
using KamFlows.App.Features.Processes;
using KamFlows.App.Security;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Command = KamFlows.Domain.Contracts.ContractRenewalCommand;

namespace KamFlows.App.Features.Contracts;

/// <summary>
/// An account's contracts and their renewals: storing a contract arms its renewal; the KAM proposes
/// the renewed terms (which go to the director) or records that it ends; deleting a contract cancels
/// its renewal. Who may see and change an account's contracts is <see cref="AccountAccess"/>'s to say;
/// who may work on a renewal is the process's (its KAM).
/// </summary>
public static class ContractsApi
{
    public static IEndpointRouteBuilder MapContractsApi(this IEndpointRouteBuilder app)
    {
        var contracts = app.MapGroup("api/accounts/{id}/contracts").WithTags("Contracts");
        contracts.MapPost("", Create).WithName("CreateContract")
            .WithSummary("Stores a contract of the account and arms its renewal; the same reference again answers the stored one.");
        contracts.MapGet("", List).WithName("ListContracts").WithSummary("The account's contracts, with where each renewal stands.");
        contracts.MapGet("{contractId}", Get).WithName("GetContract").WithSummary("One contract, with where its renewal stands.");
        contracts.MapDelete("{contractId}", Delete).WithName("DeleteContract")
            .WithSummary("Deletes a contract (entered by mistake, or ended early): its renewal and any sign-off are cancelled.");
        contracts.MapPost("{contractId}/renewal/terms", ProposeTerms).WithName("ProposeRenewalTerms")
            .WithSummary("The KAM proposes the renewed terms; they go to the account's approving director for sign-off.");
        contracts.MapPost("{contractId}/renewal/end", EndContract).WithName("EndContractRenewal")
            .WithSummary("The KAM records that the contract is not renewed.");
        return app;
    }

    private static async Task<Results<Created<ContractView>, Ok<ContractView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Create(
        string id, ContractInput input, ClaimsPrincipal principal, AccountAccess access, ContractStore contracts, DocumentStore documents,
        ContractRenewals renewals, TimeProvider clock, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        var terms = input.ToTerms();
        var errors = ContractRules.Validate(terms).ByField();
        var documentIds = (input.DocumentIds ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknown = new List<string>();
        foreach (var documentId in documentIds)
        {
            if (await documents.FindAsync(grant.Id, documentId, ct) is null)
            {
                unknown.Add(documentId);
            }
        }

        if (unknown.Count > 0)
        {
            errors["documentIds"] = [$"These are not documents of the account's dossier: {string.Join(", ", unknown)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reference = input.Reference!.Trim();
        var contract = new Contract(
            ContractStore.IdOf(grant.Id, reference), grant.Id, reference, terms, documentIds, ContractStatus.Active, null, null,
            ContractRenewals.ProcessIdOf(ContractStore.IdOf(grant.Id, reference)), principal.KamFlowsUserId() ?? "bootstrap-admin", clock.GetUtcNow());
        var created = await contracts.AddAsync(contract, ct);
        var stored = (await contracts.FindAsync(grant.Id, contract.Id, ct))!.Value;
        if (!created && (stored.Terms != terms || !stored.DocumentIds.SequenceEqual(documentIds, StringComparer.Ordinal)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Another contract has this reference",
                detail: "The account has a contract with this reference and other terms or documents; a renewal is proposed on the stored contract's renewal.");
        }

        // Also on a repeat: a first attempt may have stored the contract and failed before arming its renewal.
        if (stored.Status == ContractStatus.Active)
        {
            await renewals.ArmAsync(stored, grant.Account.Value, ct);
        }

        var view = await ViewAsync(stored, renewals, ct);
        return created ? TypedResults.Created($"/api/accounts/{grant.Id}/contracts/{stored.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<IReadOnlyList<ContractView>>, NotFound>> List(
        string id, ClaimsPrincipal principal, AccountAccess access, ContractStore contracts, ContractRenewals renewals, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant)
        {
            return TypedResults.NotFound();
        }

        var views = new List<ContractView>();
        foreach (var contract in await contracts.ListAsync(grant.Id, ct))
        {
            views.Add(await ViewAsync(contract, renewals, ct));
        }

        return TypedResults.Ok<IReadOnlyList<ContractView>>(views);
    }

    private static async Task<Results<Ok<ContractView>, NotFound>> Get(
        string id, string contractId, ClaimsPrincipal principal, AccountAccess access, ContractStore contracts, ContractRenewals renewals, CancellationToken ct) =>
        await access.FindAsync(principal, id, ct) is { } grant && await contracts.FindAsync(grant.Id, contractId, ct) is { } found
            ? TypedResults.Ok(await ViewAsync(found.Value, renewals, ct))
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult, ProblemHttpResult>> Delete(
        string id, string contractId, ClaimsPrincipal principal, AccountAccess access, ContractStore contracts, ContractRenewals renewals, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await contracts.FindAsync(grant.Id, contractId, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        if (!grant.CanChange)
        {
            return TypedResults.Forbid();
        }

        if (found.Value.Status == ContractStatus.Renewed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Contract renewed",
                detail: "This contract was renewed; delete the renewed contract instead.");
        }

        if (found.Value.Status == ContractStatus.Active)
        {
            try
            {
                await contracts.UpdateAsync(found.Value with { Status = ContractStatus.Deleted }, found.ETag, ct);
            }
            catch (Users.ConcurrencyConflictException)
            {
                return Http.Preconditions.Stale();
            }
        }

        // Also when deleted already: a first attempt may have failed after marking it.
        await renewals.CancelAsync(found.Value.Id, "contract deleted", ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted<ContractView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> ProposeTerms(
        string id, string contractId, RenewalTermsInput input, ClaimsPrincipal principal, AccountAccess access, ContractStore contracts,
        ContractRenewals renewals, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await contracts.FindAsync(grant.Id, contractId, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        var terms = input.ToTerms();
        var errors = ContractRules.ValidateRenewal(found.Value.Terms, terms);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ByField());
        }

        if (await renewals.FindAsync(contractId, ct) is not { } renewal)
        {
            return NotArmed();
        }

        // The round this proposal is for: the one waiting for sign-off when these are its terms sent again
        // (a retry, applied once), else the next one.
        var state = ContractRenewalDefinition.ReadState(renewal.StateJson);
        var round = state.Phase == RenewalPhase.AwaitingSignOff ? state.Round : state.Round + 1;
        var inputId = string.Create(CultureInfo.InvariantCulture, $"terms|{round}|{Fingerprint(terms, input.Comment)}");
        return await SentAsync(renewals, found.Value, inputId, new Command.ProposeTerms(terms, input.Comment), principal, ct);
    }

    private static async Task<Results<Accepted<ContractView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> EndContract(
        string id, string contractId, RenewalEndInput input, ClaimsPrincipal principal, AccountAccess access, ContractStore contracts,
        ContractRenewals renewals, CancellationToken ct)
    {
        if (await access.FindAsync(principal, id, ct) is not { } grant || await contracts.FindAsync(grant.Id, contractId, ct) is not { } found)
        {
            return TypedResults.NotFound();
        }

        return await SentAsync(renewals, found.Value, "end|" + contractId, new Command.EndContract(input.Reason!.Trim()), principal, ct);
    }

    private static async Task<Results<Accepted<ContractView>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> SentAsync(
        ContractRenewals renewals, Contract contract, string inputId, Command command, ClaimsPrincipal principal, CancellationToken ct)
    {
        var outcome = await renewals.SendAsync(contract.Id, inputId, command, ProcessesApi.SenderOf(principal), ct);
        var view = await ViewAsync(contract, renewals, ct);
        return outcome switch
        {
            SendOutcome.Applied or SendOutcome.Duplicate => TypedResults.Accepted($"/api/accounts/{contract.AccountId}/contracts/{contract.Id}", view),
            SendOutcome.NotAllowed => TypedResults.Forbid(),
            SendOutcome.NotFound => NotArmed(),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The renewal is not at that step",
                detail: $"The renewal is at step '{view.RenewalStep}'{(view.RenewalOutcome is { } o ? $" (ended: {o})" : "")}: nothing was changed."),
        };
    }

    private static ProblemHttpResult NotArmed() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "No renewal yet",
        detail: "This contract's renewal is not armed; store the contract again (same reference) to arm it.");

    private static string Fingerprint(ContractTerms terms, string? comment) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(terms.Describe() + "\n" + comment)))[..16];

    private static async Task<ContractView> ViewAsync(Contract contract, ContractRenewals renewals, CancellationToken ct)
    {
        var renewal = await renewals.FindAsync(contract.Id, ct);
        return new ContractView(contract, contract.Terms.NoticeDeadline, renewal?.Step, renewal?.Outcome);
    }
}
