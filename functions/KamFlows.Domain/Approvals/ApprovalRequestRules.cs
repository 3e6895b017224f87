using Request = KamFlows.Domain.Approvals.ApprovalCommand.Request;

namespace KamFlows.Domain.Approvals;

/// <summary>
/// What a parent must give for a request that can be decided: a titled summary, sections with
/// distinct ids, a requester, one approver and at least one alternate (neither of them the requester,
/// <see cref="DelegationRule"/>), at most one current delegate, a deadline still ahead, and a reminder
/// that comes before the escalation.
/// </summary>
public static class ApprovalRequestRules
{
    public static IReadOnlyList<FieldError> Validate(Request request, IReadOnlyDictionary<string, IReadOnlyList<string>> parties, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Summary?.Title))
        {
            errors.Add(new("summary.title", "Say what is to be approved."));
        }

        var sections = request.Sections ?? [];
        for (var i = 0; i < sections.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(sections[i].Id) || string.IsNullOrWhiteSpace(sections[i].Title))
            {
                errors.Add(new($"sections[{i}]", "A section needs an id and a title."));
            }
        }

        errors.AddRange(sections.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => new FieldError("sections", $"Section ids are distinct; '{g.Key}' is used {g.Count()} times.")));

        if (request.Deadline is { } deadline && deadline <= now)
        {
            errors.Add(new("deadline", "The deadline has passed already."));
        }

        var timings = request.Timings ?? ApprovalTimings.Default;
        if (timings.ReminderAfterBusinessDays < 1)
        {
            errors.Add(new("timings.reminderAfterBusinessDays", "Remind after at least one business day."));
        }

        if (timings.EscalationAfterBusinessDays <= timings.ReminderAfterBusinessDays)
        {
            errors.Add(new("timings.escalationAfterBusinessDays", "Escalate after the reminder."));
        }

        CheckParties(errors, request, parties);
        return errors;
    }

    private static void CheckParties(List<FieldError> errors, Request request, IReadOnlyDictionary<string, IReadOnlyList<string>> parties)
    {
        var requester = request.RequesterUserId;
        if (string.IsNullOrWhiteSpace(requester))
        {
            errors.Add(new("requesterUserId", "Say who asks for the approval."));
            return;
        }

        if (Members(parties, ApprovalRequestDefinition.Requester) is [_, ..] requesters && !requesters.Contains(requester, StringComparer.Ordinal))
        {
            errors.Add(new("requesterUserId", "The requester is the process's \"requester\" party."));
        }

        var approvers = Members(parties, ApprovalRequestDefinition.Approver);
        if (approvers.Count != 1)
        {
            errors.Add(new("parties.approver", "One approver decides a request."));
        }
        else if (DelegationRule.IsOwnRequest(approvers[0], requester))
        {
            errors.Add(new("parties.approver", "No one approves their own request."));
        }

        var alternates = Members(parties, ApprovalRequestDefinition.Alternate);
        if (alternates.Count == 0)
        {
            errors.Add(new("parties.alternate", "Name an alternate to escalate to."));
        }
        else if (alternates.Any(a => DelegationRule.IsOwnRequest(a, requester)))
        {
            errors.Add(new("parties.alternate", "No one approves their own request."));
        }
        else if (approvers.Count == 1 && alternates.Contains(approvers[0], StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new("parties.alternate", "The alternate is someone other than the approver."));
        }

        if (Members(parties, ApprovalRequestDefinition.Delegates).Count > 1)
        {
            errors.Add(new("parties.approver.delegates", "An approver has at most one current delegate."));
        }
    }

    internal static IReadOnlyList<string> Members(IReadOnlyDictionary<string, IReadOnlyList<string>> parties, string party) =>
        parties.TryGetValue(party, out var members) ? members : [];
}
