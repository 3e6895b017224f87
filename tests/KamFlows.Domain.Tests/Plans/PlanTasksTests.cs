using KamFlows.Domain.Accounts;
using KamFlows.Domain.Calendar;
using KamFlows.Domain.Plans;

namespace KamFlows.Domain.Tests.Plans;

public sealed class PlanTasksTests
{
    private static readonly BusinessCalendar SaoPaulo = BusinessCalendar.For(new CalendarKey("BR", "BR-SP"), new CompanyCalendarSettings());

    [Fact]
    public void Every_action_asks_for_a_task_of_its_owner_keyed_by_account_and_action()
    {
        var plan = Plans.Sample().WithGoal(g => g.WithMilestone(0, m => m with { Actions = [Plans.Action("a1", "2026-02-15", done: true), Plans.Action("a2", "2026-03-20", owner: "cokam")] }));

        var requests = PlanActionTasks.Requests("acc1", plan);

        Assert.Equal(["plan-action:acc1:a1", "plan-action:acc1:a2", "plan-action:acc1:a3"], requests.Select(r => r.Key));
        Assert.Equal([PlanTaskStatus.Done, PlanTaskStatus.Open, PlanTaskStatus.Open], requests.Select(r => r.Status));
        Assert.Equal("cokam", requests[1].AssigneeUserId);
        Assert.Equal(new DateOnly(2026, 3, 20), requests[1].Due);
        Assert.Equal("goals/g1/milestones/m1/actions/a2", requests[1].Origin);
        Assert.All(requests, r => Assert.Equal(PlanTaskKind.PlanAction, r.Kind));
    }

    [Fact]
    public void An_edited_action_keeps_its_key()
    {
        var edited = Plans.Sample().WithGoal(g => g.WithMilestone(0, m => m with { Actions = [Plans.Action("a1", "2026-03-01") with { Title = "Call the pharmacist" }, m.Actions[1]] }));

        Assert.Equal(PlanActionTasks.Requests("acc1", Plans.Sample()).Select(r => r.Key), PlanActionTasks.Requests("acc1", edited).Select(r => r.Key));
    }

    [Fact]
    public void Entering_a_stage_asks_for_its_playbook_due_in_business_days()
    {
        PlaybookStep[] steps = [new("map-dmu", "Map the decision-making group", 5), new("first-visit", "Visit the decision maker", 0)];

        // Friday 2026-04-17; Tuesday 21 April is Tiradentes: five business days later is Monday 27 April.
        var requests = StagePlaybook.TasksOnEntering("acc1", RelationshipStage.Early, 3, new DateOnly(2026, 4, 17), "kam1", steps, SaoPaulo);

        Assert.Equal(["stage-playbook:acc1:000003:map-dmu", "stage-playbook:acc1:000003:first-visit"], requests.Select(r => r.Key));
        Assert.Equal([new DateOnly(2026, 4, 27), new DateOnly(2026, 4, 17)], requests.Select(r => r.Due));
        Assert.All(requests, r => Assert.Equal("kam1", r.AssigneeUserId));
        Assert.All(requests, r => Assert.Equal(PlanTaskKind.StagePlaybook, r.Kind));
    }

    [Fact]
    public void A_move_on_a_weekend_with_zero_days_is_due_the_next_business_day_and_a_later_move_asks_again()
    {
        PlaybookStep[] steps = [new("review", "Joint business plan review", 0)];

        var first = StagePlaybook.TasksOnEntering("acc1", RelationshipStage.Partnership, 1, new DateOnly(2026, 4, 18), "kam1", steps, SaoPaulo);
        var again = StagePlaybook.TasksOnEntering("acc1", RelationshipStage.Partnership, 4, new DateOnly(2026, 4, 18), "kam1", steps, SaoPaulo);

        Assert.Equal(new DateOnly(2026, 4, 20), Assert.Single(first).Due);
        Assert.NotEqual(first[0].Key, again[0].Key);
    }

    [Fact]
    public void Only_a_submitted_version_takes_a_decision_and_a_newer_submission_supersedes_it()
    {
        Assert.Equal(PlanVersionStatus.Approved, PlanVersionLifecycle.Decide(PlanVersionStatus.Submitted, approved: true));
        Assert.Equal(PlanVersionStatus.Rejected, PlanVersionLifecycle.Decide(PlanVersionStatus.Submitted, approved: false));
        Assert.Null(PlanVersionLifecycle.Decide(PlanVersionStatus.Approved, approved: false));
        Assert.Null(PlanVersionLifecycle.Decide(PlanVersionStatus.Superseded, approved: true));
        Assert.Equal(PlanVersionStatus.Superseded, PlanVersionLifecycle.OnNewerSubmission(PlanVersionStatus.Submitted));
        Assert.Equal(PlanVersionStatus.Approved, PlanVersionLifecycle.OnNewerSubmission(PlanVersionStatus.Approved));
    }
}
