using System.Security.Claims;
using KamFlows.App.Engine;
using KamFlows.App.Http;
using KamFlows.App.Security;
using KamFlows.Domain.Organisation;
using KamFlows.Domain.Proposals;

namespace KamFlows.App.Features.Proposals;

/// <summary>What a list of proposals may be narrowed to.</summary>
public sealed record ProposalFilter(string? Status, string? AccountId, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>
/// Reads proposals for people: a KAM sees the proposals they follow up, heads of KAM, directors and
/// administrators all. A list reads the process list of the definition (or of one account), one
/// partition, and each proposal's instance and record; the rest of the filter is applied to those,
/// so a page may hold fewer proposals than asked for: follow the continuation token.
/// </summary>
public sealed class ProposalReading(InstanceStore instances, ProcessIndex index, ProposalStore proposals)
{
    public async Task<(ProcessInstance Instance, ProposalRecord Record)?> FindAsync(ClaimsPrincipal who, string id, CancellationToken ct)
    {
        if (await instances.LoadAsync(id, ct) is not { Instance: { Definition: ProposalFollowUpDefinition.DefinitionName, AccountId: { } accountId } instance }
            || await proposals.FindAsync(accountId, id, ct) is not { } record)
        {
            return null;
        }

        return MaySee(who, instance, record) ? (instance, record) : null;
    }

    public async Task<PagedList<ProposalView>> ListAsync(ClaimsPrincipal who, ProposalFilter filter, string? continuation, int pageSize, CancellationToken ct)
    {
        var page = await index.ListAsync(new ProcessListQuery(ProposalFollowUpDefinition.DefinitionName, null, filter.AccountId, null), continuation, pageSize, ct);
        var views = new List<ProposalView>();
        foreach (var summary in page.Items)
        {
            if (filter.Status is { } status && !string.Equals(summary.Step, status, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (await FindAsync(who, summary.Id, ct) is not { } found)
            {
                continue;
            }

            var view = ProposalViews.Of(found.Instance, found.Record);
            if ((filter.ValidFrom is { } from && view.ValidUntil < from) || (filter.ValidTo is { } to && view.ValidUntil > to))
            {
                continue;
            }

            views.Add(view);
        }

        return new PagedList<ProposalView>(views, page.ContinuationToken);
    }

    /// <summary>
    /// Every proposal <paramref name="who"/> may see, page after page. With <paramref name="most"/> it
    /// stops after the page that brings it to that many (a page is read whole), and the continuation
    /// token says whether more are left.
    /// </summary>
    public async Task<PagedList<ProposalView>> AllAsync(ClaimsPrincipal who, int? most, CancellationToken ct)
    {
        var all = new List<ProposalView>();
        string? token = null;
        do
        {
            var page = await ListAsync(who, new ProposalFilter(null, null, null, null), token, Paging.MaxPageSize, ct);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null && (most is not { } limit || all.Count < limit));

        return new PagedList<ProposalView>(all, token);
    }

    public static bool SeesAll(ClaimsPrincipal who) => who.Has(Role.HeadOfKam) || who.Has(Role.Director) || who.Has(Role.Admin);

    private static bool MaySee(ClaimsPrincipal who, ProcessInstance instance, ProposalRecord record) =>
        SeesAll(who) || (who.KamFlowsUserId() is { } me
            && (instance.Parties.TryGetValue(ProposalFollowUpDefinition.Kam, out var kams) ? kams.Contains(me, StringComparer.Ordinal) : record.KamUserId == me));
}
