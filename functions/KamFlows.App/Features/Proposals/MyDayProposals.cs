using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.MyDay;
using KamFlows.App.Pages;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Features.Proposals;

/// <summary>An open proposal on My day: the proposal, its account's name, and how many days of validity it has left on the reader's calendar.</summary>
public sealed record DayProposal(ProposalView Proposal, string? AccountName, int DaysLeft)
{
    /// <summary>Within a week of the end of its validity: the page marks it, since the KAM must get an answer or extend it.</summary>
    public bool Soon => DaysLeft <= 7;
}

/// <summary>
/// My day's open proposals for a KAM: those the reader follows up that have no outcome yet, the one
/// whose validity ends first at the top, each with its countdown. The proposal list reads every
/// proposal's instance (<see cref="ProposalReading"/>): the section stops after
/// <see cref="MostRead"/> and says so.
/// </summary>
public sealed class MyDayProposals(ProposalReading reading, AccountStore accounts) : IMyDaySection
{
    public const int MostRead = 500;

    public int Order => MyDaySectionOrder.Proposals;

    public async Task<MyDaySectionView?> ReadAsync(PageViewer viewer, CancellationToken ct)
    {
        if (viewer.User is not { } user || !user.HasRole(Role.Kam))
        {
            return null;
        }

        var read = await reading.AllAsync(viewer.Principal, MostRead, ct);
        // Heads of KAM see every proposal: My day shows only those the reader follows up.
        var open = read.Items.Where(p => p.Running && p.KamUserId == user.Id);

        var names = new AccountNames(accounts, viewer.Principal);
        var today = viewer.Clock.Today;
        var shown = new List<DayProposal>();
        foreach (var proposal in open.OrderBy(p => p.ValidUntil).ThenBy(p => p.SubmittedAt))
        {
            shown.Add(new DayProposal(proposal, await names.OfAsync(proposal.AccountId, ct), proposal.ValidUntil.DayNumber - today.DayNumber));
        }

        return new MyDaySectionView(typeof(MyDayProposalsSection), new Dictionary<string, object>
        {
            [nameof(MyDayProposalsSection.Proposals)] = shown,
            [nameof(MyDayProposalsSection.More)] = read.ContinuationToken is not null,
        });
    }
}
