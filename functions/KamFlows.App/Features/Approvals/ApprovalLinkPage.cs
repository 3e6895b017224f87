using KamFlows.App.Features.Users;
using KamFlows.App.Links;
using KamFlows.Domain.Approvals;

namespace KamFlows.App.Features.Approvals;

/// <summary>
/// The page behind an approval email's link: what is asked, section by section with its changes, and
/// a form to approve or reject as a whole or per section. The rules of a valid decision are
/// <see cref="ApprovalDecisionRules"/>, the same the decider enforces.
/// </summary>
internal sealed class ApprovalLinkPage(UserDirectory users) : ILinkPage
{
    public const string ModeField = "mode";
    public const string WholeMode = "whole";
    public const string SectionsMode = "sections";

    public string Definition => ApprovalRequestDefinition.DefinitionName;

    public async Task<IResult> ShowAsync(LinkPageModel model, CancellationToken ct)
    {
        var state = ApprovalRequestDefinition.ReadState(model.Instance.StateJson);
        var requester = state.RequesterUserId is { } id ? (await users.FindAsync(id, ct))?.Value.DisplayName : null;
        var approver = state.ApproverUserId is { } a && a != model.Link.Recipient ? (await users.FindAsync(a, ct))?.Value.DisplayName : null;
        return new RazorComponentResult(typeof(ApprovalPage), new Dictionary<string, object?>
        {
            [nameof(ApprovalPage.State)] = state,
            [nameof(ApprovalPage.RequesterName)] = requester,
            [nameof(ApprovalPage.OnBehalfOfName)] = approver,
            [nameof(ApprovalPage.PostPath)] = model.PostPath,
            [nameof(ApprovalPage.Errors)] = model.Errors ?? new Dictionary<string, string[]>(),
        }); // the status (400 with errors) is the link pages' to set, for every process alike
    }

    public LinkForm Read(LinkPageModel model, IFormCollection form)
    {
        var state = ApprovalRequestDefinition.ReadState(model.Instance.StateJson);
        var comment = Text(form, ApprovalDecisionRules.CommentField);
        var errors = new List<FieldError>();
        ApprovalDecision decision;
        if (form[ModeField] == SectionsMode && state.Sections.Count > 0)
        {
            var verdicts = new List<SectionVerdict>();
            foreach (var section in state.Sections)
            {
                var field = ApprovalDecisionRules.SectionField(section.Id);
                if (ParseVerdict(form[field]) is { } verdict)
                {
                    verdicts.Add(new SectionVerdict(section.Id, verdict, Text(form, ApprovalDecisionRules.SectionCommentField(section.Id))));
                }
                else
                {
                    errors.Add(new FieldError(field, "Approve or reject this section."));
                }
            }

            decision = ApprovalDecision.BySection(verdicts, comment);
        }
        else
        {
            decision = new ApprovalDecision(ParseVerdict(form[ApprovalDecisionRules.VerdictField]), null, comment);
        }

        errors.AddRange(ApprovalDecisionRules.Validate(decision, state.Sections).Where(e => errors.All(x => x.Field != e.Field)));
        return errors.Count > 0
            ? new LinkForm.Invalid(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
            : new LinkForm.Command(new ApprovalCommand.Decide(decision));
    }

    private static Verdict? ParseVerdict(string? value) => value switch
    {
        "approve" => Verdict.Approve,
        "reject" => Verdict.Reject,
        _ => null,
    };

    private static string? Text(IFormCollection form, string field) => form[field].ToString() is { Length: > 0 } text ? text.Trim() : null;
}
