namespace KamFlows.Domain.Approvals;

/// <summary>
/// What makes a decision valid, in one place: the approval page, the API and the decider all ask
/// here, so they show and enforce the same errors. A decision is whole or section by section (then
/// every section exactly once, and no other), and every rejection carries a comment.
/// </summary>
public static class ApprovalDecisionRules
{
    public const int MaxCommentLength = 4000;

    public const string VerdictField = "verdict";
    public const string CommentField = "comment";
    public const string SectionsField = "sections";

    /// <summary>The field of one section's verdict, by its id: "sections[objectives]".</summary>
    public static string SectionField(string sectionId) => $"{SectionsField}[{sectionId}]";

    /// <summary>The field of one section's comment: "sections[objectives].comment".</summary>
    public static string SectionCommentField(string sectionId) => $"{SectionField(sectionId)}.{CommentField}";

    /// <summary>The errors of <paramref name="decision"/> on a request with these sections; empty when it may be recorded.</summary>
    public static IReadOnlyList<FieldError> Validate(ApprovalDecision decision, IReadOnlyList<ApprovalSection> sections)
    {
        var errors = new List<FieldError>();
        CheckComment(errors, CommentField, decision.Comment, required: decision.Verdict == Verdict.Reject);

        var bySection = decision.Sections ?? [];
        switch (decision.Verdict, bySection.Count)
        {
            case (null, 0):
                errors.Add(new(VerdictField, "Approve or reject, as a whole or section by section."));
                break;
            case (not null, > 0):
                errors.Add(new(VerdictField, "Decide as a whole or section by section, not both."));
                break;
            case (null, _) when sections.Count == 0:
                errors.Add(new(SectionsField, "This request has no sections: decide it as a whole."));
                break;
            case (null, _):
                CheckSections(errors, bySection, sections);
                break;
        }

        return errors;
    }

    /// <summary>The outcome a valid decision gives: "approved", "rejected", or "partly-approved" when some sections are rejected and some approved.</summary>
    public static string OutcomeOf(ApprovalDecision decision)
    {
        List<Verdict> verdicts = decision.Verdict is { } whole ? [whole] : [.. (decision.Sections ?? []).Select(s => s.Verdict)];
        if (verdicts.Count == 0)
        {
            throw new ArgumentException("The decision has no verdict.", nameof(decision));
        }

        return verdicts.All(v => v == Verdict.Approve) ? ApprovalOutcomes.Approved
            : verdicts.All(v => v == Verdict.Reject) ? ApprovalOutcomes.Rejected
            : ApprovalOutcomes.PartlyApproved;
    }

    private static void CheckSections(List<FieldError> errors, IReadOnlyList<SectionVerdict> given, IReadOnlyList<ApprovalSection> sections)
    {
        var known = sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in given.GroupBy(v => v.SectionId ?? "", StringComparer.Ordinal))
        {
            var field = SectionField(group.Key);
            if (!known.Contains(group.Key))
            {
                errors.Add(new(field, "This request has no such section."));
            }
            else if (group.Count() > 1)
            {
                errors.Add(new(field, "Give each section one verdict."));
            }

            foreach (var verdict in group)
            {
                CheckComment(errors, SectionCommentField(group.Key), verdict.Comment, required: verdict.Verdict == Verdict.Reject);
            }
        }

        var decided = given.Select(v => v.SectionId).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(sections.Where(s => !decided.Contains(s.Id)).Select(s => new FieldError(SectionField(s.Id), "Every section needs a verdict.")));
    }

    private static void CheckComment(List<FieldError> errors, string field, string? comment, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(comment))
        {
            errors.Add(new(field, "A rejection needs a comment saying why."));
        }
        else if (comment is { Length: > MaxCommentLength })
        {
            errors.Add(new(field, $"A comment has at most {MaxCommentLength} characters."));
        }
    }
}
