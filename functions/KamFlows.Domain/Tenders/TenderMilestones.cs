using KamFlows.Domain.Accounts;
using KamFlows.Domain.Email;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using static KamFlows.Domain.Tenders.TenderPreparationDefinition;
using Event = KamFlows.Domain.Tenders.TenderEvent;

namespace KamFlows.Domain.Tenders;

/// <summary>
/// The work of the milestones: each opens on the day the one before it is due (the first when the
/// bid is decided) with a task per checklist item, is reminded before its due day and escalated to
/// the head of KAM when overdue; a milestone whose due day has passed when it opens is late: its
/// tasks are due at once. Wake-ups are named by milestone (<c>open-bid-draft</c>), so planning again
/// replaces them. Dates are in the account's calendar, never moved later.
/// </summary>
internal static class TenderMilestones
{
    public const string RecordOutcomeTaskKind = "tender-record-outcome";

    public static string OpenWake(TenderMilestone m) => "open-" + TenderChecklists.Code(m);

    public static string RemindWake(TenderMilestone m) => "remind-" + TenderChecklists.Code(m);

    public static string EscalateWake(TenderMilestone m) => "escalate-" + TenderChecklists.Code(m);

    public static string CoverageWake(string check) => "coverage-" + check;

    /// <summary>Sets every wake-up the schedule needs from now: opens what is due to open, and the checks.</summary>
    public static void Arm(TenderWork work, TenderState state, DecisionContext context)
    {
        var tender = state.Tender!;
        var today = Today(tender, context.Now);
        foreach (var milestone in state.Milestones.Where(m => !m.IsDone))
        {
            if (milestone.Status == MilestoneStatus.Open)
            {
                Chase(work, tender, milestone, late: milestone.Due < today);
            }
            else if (milestone.Opens <= today)
            {
                Open(work, state, milestone, context);
            }
            else
            {
                work.Wake(OpenWake(milestone.Milestone), new WakeTime.BusinessDaysFrom(milestone.Opens, 0, TenderTimings.WorkAt, Account));
            }
        }

        var pending = state.CoverageChecks.Where(c => !c.Done).ToList();
        var past = pending.Where(c => c.On < today).ToList();
        if (past.Count > 0)
        {
            // Checks whose day has passed are one check now, not one each.
            work.Effects.Add(new CheckBuyingGroupCoverage(tender.AccountId, past[^1].Name));
            work.Cancels.AddRange(past.Select(c => CoverageWake(c.Name)));
        }

        foreach (var check in pending.Where(c => c.On >= today))
        {
            work.Wake(CoverageWake(check.Name), new WakeTime.BusinessDaysFrom(check.On, 0, TenderTimings.WorkAt, Account));
        }
    }

    public static Decision<Event> Woke(string name, TenderState state, DecisionContext context)
    {
        var tender = state.Tender!;
        if (state.CoverageChecks.FirstOrDefault(c => CoverageWake(c.Name) == name) is { } check)
        {
            return check.Done ? Decision<Event>.Stale("checked already") : Decision<Event>.None.Then(new CheckBuyingGroupCoverage(tender.AccountId, check.Name));
        }

        foreach (var milestone in state.Milestones)
        {
            var m = milestone.Milestone;
            if (name == OpenWake(m))
            {
                if (milestone.Status != MilestoneStatus.Planned)
                {
                    return Decision<Event>.Stale("opened already");
                }

                var work = new TenderWork();
                Open(work, state, milestone, context);
                return work.ToDecision();
            }

            if (name == RemindWake(m) || name == EscalateWake(m))
            {
                return milestone.Status != MilestoneStatus.Open ? Decision<Event>.Stale("the milestone is not open")
                    : name == RemindWake(m) ? Decision<Event>.Of(new Event.Reminded(m, context.Now)).Then(Email("reminder", KamOf(context), NotificationCategory.Reminder, tender, milestone))
                    : milestone.Escalated ? Decision<Event>.Stale("escalated already")
                    : Decision<Event>.Of(new Event.Escalated(m, context.Now)).Then(Email("tender-escalation", HeadOf(context), NotificationCategory.Escalation, tender, milestone));
            }
        }

        return Decision<Event>.Stale($"no wake-up '{name}'");
    }

    public static Decision<Event> Tick(TenderCommand.TickItem tick, TenderState state, DecisionContext context, int version)
    {
        if (TenderChecklists.FromCode(tick.Milestone) is not { } milestone)
        {
            return Decision<Event>.Stale("no such milestone");
        }

        if (!TenderChecklists.Items(milestone).Contains(tick.Item))
        {
            return Decision<Event>.Stale("no such item on that checklist");
        }

        if (tick.Item == TenderChecklists.SignOffItem)
        {
            return Decision<Event>.Stale("the director's approval signs the bid off");
        }

        if (state.Phase != TenderPhase.Preparing)
        {
            return state.Phase == TenderPhase.BidDecision ? Decision<Event>.Stale("the bid is not decided yet") : Decision<Event>.None;
        }

        var work = new TenderWork();
        TickInto(work, state, milestone, tick.Item, context.Sender.UserId, context, version);
        return work.ToDecision();
    }

    /// <summary>A task of the process was completed: a checklist item, or the revision of a rejected bid (then the next sign-off round).</summary>
    public static Decision<Event> TaskDone(TenderCommand.ItemDone done, TenderState state, DecisionContext context, int version)
    {
        if (state.Phase != TenderPhase.Preparing)
        {
            return Decision<Event>.None;
        }

        var work = new TenderWork();
        if (done.TaskKind == TenderApprovals.ReviseTaskKind)
        {
            if (state.SignOffPending || state.MilestoneOf(TenderMilestone.SignOff) is not { Status: MilestoneStatus.Open })
            {
                return Decision<Event>.None;
            }

            TenderApprovals.RequestSignOff(work, state, context);
            return work.ToDecision();
        }

        if (TenderChecklists.FromTaskKind(done.TaskKind) is not var (milestone, item))
        {
            return Decision<Event>.None;
        }

        TickInto(work, state, milestone, item, done.CompletedByUserId, context, version);
        return work.ToDecision();
    }

    /// <summary>Ticks one item; the last item makes the milestone done, which stops its wake-ups (and the submission's ends the preparation).</summary>
    public static void TickInto(TenderWork work, TenderState state, TenderMilestone milestone, string item, string? by, DecisionContext context, int version = LatestVersion)
    {
        var planned = state.MilestoneOf(milestone)!;
        if (planned.IsDone || planned.DoneItems.Contains(item))
        {
            return;
        }

        work.Events.Add(new Event.ItemTicked(milestone, item, by, context.Now));
        if (!TenderChecklists.Items(milestone).All(i => i == item || planned.DoneItems.Contains(i)))
        {
            return;
        }

        work.Events.Add(new Event.MilestoneDone(milestone, context.Now));
        var stop = milestone == TenderMilestone.Submission ? TenderChecklists.InOrder : [milestone];
        work.Cancels.AddRange(stop.SelectMany(m => new[] { OpenWake(m), RemindWake(m), EscalateWake(m) }));
        if (milestone == TenderMilestone.Submission)
        {
            work.Cancels.AddRange(state.CoverageChecks.Select(c => CoverageWake(c.Name)));
            if (version >= 2)
            {
                var tender = state.Tender!;
                work.Effects.Add(new CreateTask(RecordOutcomeTaskKind, KamOf(context),
                    new TaskDue.Business(new WakeTime.BusinessDaysLater(10, TenderTimings.DueAt, Account)), tender.AccountId,
                    Title: $"Tender {tender.Reference}: record the outcome"));
            }
        }
    }

    /// <summary>What the dossier showed for a coverage check: a task for each gap.</summary>
    public static Decision<Event> Coverage(TenderCommand.CoverageFound found, TenderState state, DecisionContext context)
    {
        var tender = state.Tender!;
        if (state.CoverageChecks.FirstOrDefault(c => c.Name == found.Check) is not { } check)
        {
            return Decision<Event>.Stale("no such coverage check");
        }

        if (check.Done)
        {
            return Decision<Event>.None;
        }

        var gaps = BuyingGroupCoverage.Gaps(found.Members, Today(tender, context.Now), tender.Timings.CoverageInteractionDays);
        var due = new TaskDue.Business(new WakeTime.BusinessDaysLater(5, TenderTimings.DueAt, Account));
        return Decision<Event>.Of(new Event.CoverageChecked(found.Check, gaps, context.Now))
            .Then([.. gaps.Select(g => new CreateTask(GapTaskKind(g), KamOf(context), due, tender.AccountId, Title: GapTitle(tender, g, tender.Timings.CoverageInteractionDays)))]);
    }

    public static string GapTaskKind(CoverageGap gap) => gap.Kind == CoverageGapKind.MissingRole
        ? $"tender-coverage-missing-{RoleCode(gap.Role)}"
        : "tender-coverage-stale-contact";

    private static string GapTitle(TenderCommand.Register tender, CoverageGap gap, int days) => gap.Kind == CoverageGapKind.MissingRole
        ? $"Tender {tender.Reference}: find the {RoleCode(gap.Role).Replace('-', ' ')} of the buying group"
        : $"Tender {tender.Reference}: get back in touch with contact {gap.ContactId} ({RoleCode(gap.Role).Replace('-', ' ')}), no interaction in {days} days (last: {gap.LastInteractionOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "never"})";

    private static string RoleCode(DecisionRole role) => role == DecisionRole.DecisionMaker ? "decision-maker" : role.ToString().ToLowerInvariant();

    private static void Open(TenderWork work, TenderState state, PlannedMilestone milestone, DecisionContext context)
    {
        var tender = state.Tender!;
        var late = milestone.Due < Today(tender, context.Now);
        var m = milestone.Milestone;
        work.Events.Add(new Event.MilestoneOpened(m, late, context.Now));
        work.Cancels.Add(OpenWake(m));
        if (m == TenderMilestone.SignOff)
        {
            TenderApprovals.RequestSignOff(work, state, context);
        }
        else
        {
            TaskDue due = late
                ? new TaskDue.Business(new WakeTime.BusinessDaysLater(tender.Timings.LateStartBusinessDays, TenderTimings.DueAt, Account))
                : new TaskDue.Business(new WakeTime.BusinessDaysFrom(milestone.Due, 0, TenderTimings.DueAt, Account));
            work.Effects.AddRange(TenderChecklists.Items(m).Where(i => !milestone.DoneItems.Contains(i)).Select(item =>
                new CreateTask(TenderChecklists.TaskKind(m, item), KamOf(context), due, tender.AccountId, TenderCommand.ItemDoneEvent)));
        }

        Chase(work, tender, milestone, late);
    }

    /// <summary>A reminder some business days before the due day (none when it is late already), and the escalation after it.</summary>
    private static void Chase(TenderWork work, TenderCommand.Register tender, PlannedMilestone milestone, bool late)
    {
        var t = tender.Timings;
        var m = milestone.Milestone;
        if (late || t.ReminderBusinessDaysBefore == 0)
        {
            work.Cancels.Add(RemindWake(m));
        }
        else
        {
            work.Wake(RemindWake(m), new WakeTime.BusinessDaysFrom(milestone.Due, -t.ReminderBusinessDaysBefore, TenderTimings.WorkAt, Account));
        }

        work.Wake(EscalateWake(m), late
            ? new WakeTime.BusinessDaysLater(t.LateStartBusinessDays + t.EscalationBusinessDaysAfter, TenderTimings.WorkAt, Account)
            : new WakeTime.BusinessDaysFrom(milestone.Due, t.EscalationBusinessDaysAfter, TenderTimings.WorkAt, Account));
    }

    private static SendEmail Email(string template, string to, NotificationCategory category, TenderCommand.Register tender, PlannedMilestone milestone) =>
        new(template, EmailRecipient.User(to), category, new Dictionary<string, string>
        {
            ["what"] = $"{tender.Reference} · {milestone.Code}",
            ["due"] = milestone.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["link"] = tender.Link ?? "",
        }, tender.AccountId);

    private static string KamOf(DecisionContext context) => TenderApprovals.KamOf(context.Parties);

    private static string HeadOf(DecisionContext context) =>
        context.Parties.TryGetValue(Head, out var head) && head.Count > 0 ? head[0] : KamOf(context);
}
