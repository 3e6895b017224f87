using KamFlows.App.Engine;
using KamFlows.App.Features.Contacts;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Tenders;

namespace KamFlows.App.Features.Tenders;

/// <summary>One item of a milestone's checklist and whether it is done.</summary>
public sealed record ChecklistItemView(string Item, bool Done);

/// <summary>A milestone as the API shows it: its days, its status, whether it started late and whether it is overdue now.</summary>
public sealed record MilestoneView(string Milestone, DateOnly Opens, DateOnly Due, MilestoneStatus Status, bool LateStart, bool Overdue, IReadOnlyList<ChecklistItemView> Checklist)
{
    public static MilestoneView Of(PlannedMilestone m, DateOnly today) => new(
        m.Code, m.Opens, m.Due, m.Status, m.LateStart, !m.IsDone && m.Due < today,
        [.. TenderChecklists.Items(m.Milestone).Select(i => new ChecklistItemView(i, m.DoneItems.Contains(i)))]);
}

/// <summary>A gap found by a coverage check; the contact by its current name (an erased one as "[erased]").</summary>
public sealed record CoverageGapView(CoverageGapKind Kind, DecisionRole Role, string? ContactId, string? ContactName, DateOnly? LastInteractionOn);

public sealed record CoverageCheckView(string Check, DateOnly On, bool Done, DateTimeOffset? At, IReadOnlyList<CoverageGapView> Gaps);

/// <summary>A tender: what was registered, and where its preparation stands.</summary>
public sealed record TenderView(
    string Id,
    string AccountId,
    string BusinessUnit,
    string Buyer,
    string Reference,
    DateOnly TenderDate,
    DateOnly RegisteredTenderDate,
    decimal EstimatedValue,
    string Currency,
    IReadOnlyList<string> Lots,
    IReadOnlyList<string> DocumentIds,
    string ProcessId,
    int DefinitionVersion,
    TenderPhase Status,
    string Step,
    MilestoneView? NextMilestone,
    bool Late,
    bool LateStart,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<CoverageCheckView> CoverageChecks,
    IReadOnlyList<string> Warnings,
    int SignOffRound,
    int DateChanges,
    TenderResult? Result,
    IReadOnlyList<string> Reasons,
    string? EndReason)
{
    public static TenderView Of(Tender tender, ProcessInstance instance, DateOnly today, IReadOnlyDictionary<string, Contact> contacts)
    {
        var state = TenderPreparationDefinition.ReadState(instance.StateJson);
        var milestones = state.Milestones.Select(m => MilestoneView.Of(m, today)).ToList();
        return new TenderView(
            tender.Id, tender.AccountId, tender.BusinessUnit, tender.Buyer, tender.Reference, state.TenderDate ?? tender.ExpectedTenderDate,
            tender.ExpectedTenderDate, tender.EstimatedValue, tender.Currency, tender.Lots, tender.DocumentIds, tender.ProcessId, instance.Version,
            state.Phase, instance.Step, milestones.FirstOrDefault(m => m.Status != MilestoneStatus.Done), state.IsActive && milestones.Any(m => m.Overdue),
            milestones.Any(m => m.LateStart), milestones,
            [.. state.CoverageChecks.Select(c => new CoverageCheckView(c.Name, c.On, c.Done, c.At, [.. c.Gaps.Select(g => new CoverageGapView(
                g.Kind, g.Role, g.ContactId, g.ContactId is { } id ? contacts.GetValueOrDefault(id)?.Name ?? Erased.Marker : null, g.LastInteractionOn))]))],
            state.Warnings, state.SignOffRound, state.DateChanges, state.Result, state.Reasons, state.EndReason);
    }
}

/// <summary>A line of the tender calendar: the tender, its status, its next milestone and whether anything is late.</summary>
public sealed record TenderCalendarLine(
    string Id, string AccountId, string BusinessUnit, string Buyer, string Reference, DateOnly TenderDate, TenderPhase Status, string Step,
    MilestoneView? NextMilestone, bool Late, bool LateStart)
{
    public static TenderCalendarLine Of(TenderView v) =>
        new(v.Id, v.AccountId, v.BusinessUnit, v.Buyer, v.Reference, v.TenderDate, v.Status, v.Step, v.NextMilestone, v.Late, v.LateStart);
}

public sealed record TenderCalendar(DateOnly From, DateOnly To, IReadOnlyList<TenderCalendarLine> Tenders);

/// <summary>How many tenders ended which way.</summary>
public sealed record OutcomeCounts(int Won, int Lost, int CancelledByBuyer, int NoBid, int Cancelled)
{
    public static OutcomeCounts Of(IEnumerable<TenderPhase> phases)
    {
        var list = phases.ToList();
        return new(
            list.Count(p => p == TenderPhase.Won), list.Count(p => p == TenderPhase.Lost), list.Count(p => p == TenderPhase.CancelledByBuyer),
            list.Count(p => p == TenderPhase.NoBid), list.Count(p => p == TenderPhase.Cancelled));
    }
}

public sealed record OutcomesByKey(string Key, OutcomeCounts Counts);

public sealed record LossReason(string Reason, int Lost);

/// <summary>Win/loss figures of the ended tenders: in all, by loss reason, by buyer and by business unit.</summary>
public sealed record TenderOutcomes(OutcomeCounts Total, IReadOnlyList<LossReason> ByReason, IReadOnlyList<OutcomesByKey> ByBuyer, IReadOnlyList<OutcomesByKey> ByBusinessUnit);
