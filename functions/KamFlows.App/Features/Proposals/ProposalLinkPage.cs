using KamFlows.App.Features.Accounts;
using KamFlows.App.Links;
using KamFlows.Domain.Proposals;

namespace KamFlows.App.Features.Proposals;

/// <summary>
/// The page behind a proposal email's link: the proposal's title, value and validity, and one
/// button to confirm receipt. Opening it changes nothing (mail scanners open links); the button's
/// POST confirms, once.
/// </summary>
internal sealed class ProposalLinkPage(ProposalStore proposals, AccountStore accounts) : ILinkPage
{
    public string Definition => ProposalFollowUpDefinition.DefinitionName;

    public async Task<IResult> ShowAsync(LinkPageModel model, CancellationToken ct)
    {
        var accountId = model.Instance.AccountId!;
        var record = await proposals.FindAsync(accountId, model.Instance.Id, ct);
        var state = ProposalFollowUpDefinition.ReadState(model.Instance.StateJson);
        return new RazorComponentResult(typeof(ProposalReceiptPage), new Dictionary<string, object?>
        {
            [nameof(ProposalReceiptPage.Title)] = record?.Title ?? "",
            [nameof(ProposalReceiptPage.AccountName)] = (await accounts.FindAsync(accountId, ct))?.Value.Name,
            [nameof(ProposalReceiptPage.Value)] = record is null ? null : $"{record.Value:N2} {record.Currency}",
            [nameof(ProposalReceiptPage.ValidUntil)] = state.Terms?.ValidUntil ?? record?.ValidUntil,
            [nameof(ProposalReceiptPage.Confirmed)] = state.Phase != ProposalPhase.AwaitingReceipt,
            [nameof(ProposalReceiptPage.PostPath)] = model.PostPath,
        });
    }

    public LinkForm Read(LinkPageModel model, IFormCollection form) => new LinkForm.Command(new ProposalCommand.ConfirmReceipt());
}
