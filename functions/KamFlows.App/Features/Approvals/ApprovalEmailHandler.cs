using KamFlows.App.Engine;
using KamFlows.App.Features.Email;
using KamFlows.App.Http;
using KamFlows.App.Links;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Email;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Approvals;

/// <summary>
/// Performs <see cref="ApprovalEmail"/>: issues the link (derived from this effect's id, so a retry
/// sends the same link, and it revokes the recipient's earlier one) and sends the email, at once,
/// whatever the recipient's digest preference: approval requests never wait.
/// </summary>
internal sealed class ApprovalEmailHandler(LinkStore links, Postman postman, IOptions<AppOptions> app) : EffectHandler<ApprovalEmail>
{
    public override string Kind => ApprovalEmail.KindName;

    protected override async Task PerformAsync(ApprovalEmail effect, EffectContext context, CancellationToken ct)
    {
        var party = effect.Purpose == ApprovalEmailPurpose.Escalation ? ApprovalRequestDefinition.Alternate : ApprovalRequestDefinition.Approver;
        var link = await links.IssueAsync(context.Instance.Id, context.EffectId, effect.Step, party, effect.RecipientUserId, RecipientKind.User, ct);
        if (link.Superseded)
        {
            return; // a later email (a reminder) carries the link that works: this one would only confuse
        }

        var state = ApprovalRequestDefinition.ReadState(context.Instance.StateJson);
        var email = new SendEmail(
            TemplateOf(effect.Purpose),
            EmailRecipient.User(effect.RecipientUserId),
            effect.Purpose == ApprovalEmailPurpose.Escalation ? NotificationCategory.Escalation : NotificationCategory.ApprovalRequest,
            new Dictionary<string, string>
            {
                ["what"] = state.Summary?.Title ?? "",
                ["link"] = new Uri(app.Value.PublicBaseUrl!, LinkPages.PathOf(context.Instance.Id, link.Token)).ToString(),
            });
        await postman.SendAsync(email, context.EffectId, context.Instance.Id, ct);
    }

    private static string TemplateOf(ApprovalEmailPurpose purpose) => purpose switch
    {
        ApprovalEmailPurpose.Request => "approval-request",
        ApprovalEmailPurpose.Reminder => "approval-reminder",
        ApprovalEmailPurpose.Escalation => "approval-escalation",
        _ => "approval-rerouted",
    };
}
