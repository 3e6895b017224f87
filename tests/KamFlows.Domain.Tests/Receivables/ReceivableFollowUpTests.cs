using KamFlows.Domain.Calendar;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Receivables;
using KamFlows.Domain.Tasks;
using KamFlows.Domain.Tests.Processes;
using Command = KamFlows.Domain.Receivables.ReceivableFollowUpCommand;
using Event = KamFlows.Domain.Receivables.ReceivableFollowUpEvent;

namespace KamFlows.Domain.Tests.Receivables;

public sealed class ReceivableFollowUpTests
{
    private const string Kam = "kam-1";
    private const string Head = "head-1";
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ReceivableFollowUpDefinition Definition = new();
    private static readonly BusinessCalendar SaoPaulo = BusinessCalendar.For(new CalendarKey("BR", "BR-SP"), new CompanyCalendarSettings());

    // Due on Thursday 2 April 2026: Good Friday (3 April), Tiradentes (21 April) and Labour Day (1 May) follow.
    private static readonly ReceivableDocument Document = new("erp", "NF-17", "acc-1", new DateOnly(2026, 4, 2), 1000m, "BRL");

    private static DeciderSpec<ReceivableFollowUpState, Command, Event> Spec(DateTimeOffset? now = null) =>
        new(Definition, new DecisionContext(now ?? Now, "receivablefollowup-1", new Dictionary<string, IReadOnlyList<string>>
        {
            [ReceivableFollowUpDefinition.Kam] = [Kam],
            [ReceivableFollowUpDefinition.HeadOfKam] = [Head],
        }));

    private static Event.Opened Opened => new(Document, FollowUpTimings.Default, Now);

    /// <summary>The date a wake-up falls on, resolved as the engine does with the KAM's calendar (São Paulo).</summary>
    private static DateOnly Resolve(WakeTime when) => when is WakeTime.BusinessDaysFrom f ? SaoPaulo.AddBusinessDays(f.Date, f.Days) : throw new InvalidOperationException();

    [Fact]
    public void Opening_schedules_tasks_at_1_7_and_15_business_days_overdue_and_the_escalation_at_30_across_the_holidays()
    {
        var decision = Spec().When(new Command.Open(Document, null)).Then(Opened);

        var dates = decision.WakeUps.ToDictionary(w => w.Name, w => Resolve(w.When));
        Assert.Equal(new DateOnly(2026, 4, 6), dates["overdue-1"]);   // over Good Friday and the weekend
        Assert.Equal(new DateOnly(2026, 4, 14), dates["overdue-7"]);
        Assert.Equal(new DateOnly(2026, 4, 27), dates["overdue-15"]); // Tiradentes is not counted
        Assert.Equal(new DateOnly(2026, 5, 19), dates["overdue-30"]); // nor Labour Day
        Assert.All(decision.WakeUps, w => Assert.Equal(new TimeOnly(9, 0), ((WakeTime.BusinessDaysFrom)w.When).LocalTime));
    }

    [Fact]
    public void The_schedule_is_configurable()
    {
        var decision = Spec().When(new Command.Open(Document, new FollowUpTimings([2, 5], 10))).ThenOne<Event.Opened>();
        Assert.Equal(["overdue-2", "overdue-5", "overdue-10"], decision.WakeUps.Select(w => w.Name));
    }

    [Fact]
    public void Each_stage_gives_the_kam_a_task_and_the_thirtieth_business_day_the_head_of_kam()
    {
        var first = Spec().Given(Opened).When(new ProcessInput<Command>.WokeUp("overdue-1", Now)).Then(new Event.KamTasked(1, Now));
        var task = Assert.IsType<CreateTask>(Assert.Single(first.Effects));
        Assert.Equal((ReceivableFollowUpDefinition.CollectTask, Kam, "acc-1"), (task.TaskKind, task.AssigneeUserId, task.AccountId));
        Assert.Contains("NF-17", task.Title, StringComparison.Ordinal);

        var escalation = Spec().Given(Opened, new Event.KamTasked(1, Now), new Event.KamTasked(7, Now), new Event.KamTasked(15, Now))
            .When(new ProcessInput<Command>.WokeUp("overdue-30", Now)).Then(new Event.Escalated(30, Now));
        var escalated = Assert.IsType<CreateTask>(Assert.Single(escalation.Effects));
        Assert.Equal((ReceivableFollowUpDefinition.EscalatedTask, Head), (escalated.TaskKind, escalated.AssigneeUserId));
    }

    [Fact]
    public void A_later_stage_acted_on_passes_the_earlier_ones_so_a_long_overdue_document_gets_one_task()
    {
        var decision = Spec().Given(Opened, new Event.KamTasked(15, Now)).When(new ProcessInput<Command>.WokeUp("overdue-7", Now)).Then();
        Assert.NotNull(decision.StaleReason);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void A_stage_acted_on_is_not_repeated()
    {
        var decision = Spec().Given(Opened, new Event.KamTasked(1, Now)).When(new ProcessInput<Command>.WokeUp("overdue-1", Now)).Then();
        Assert.NotNull(decision.StaleReason);
        Assert.Empty(decision.Effects);
    }

    [Fact]
    public void Paid_ends_the_follow_up_and_cancels_what_is_left()
    {
        var decision = Spec().Given(Opened, new Event.KamTasked(1, Now)).When(new Command.Paid("import-2")).Then(new Event.PaidOff("import-2", Now));
        Assert.Equal(ReceivableFollowUpDefinition.Paid, decision.Outcome);
        Assert.Equal(["overdue-1", "overdue-7", "overdue-15", "overdue-30"], decision.CancelWakeUps);
        var closed = Assert.IsType<CloseTasks>(Assert.Single(decision.Effects)); // the KAM's task is done; there was no escalation
        Assert.Equal((Kam, "acc-1", ReceivableFollowUpDefinition.CollectTask, CreateTask.Done), (closed.AssigneeUserId, closed.AccountId, closed.TaskKinds.Single(), closed.Outcome));
        Assert.NotNull(Spec().Given(Opened, new Event.PaidOff("import-2", Now)).When(new ProcessInput<Command>.WokeUp("overdue-7", Now)).Then().StaleReason);
    }

    [Fact]
    public void Paid_after_the_escalation_closes_the_head_of_kams_task_too_and_paid_before_any_stage_closes_none()
    {
        var escalated = Spec().Given(Opened, new Event.KamTasked(1, Now), new Event.Escalated(30, Now)).When(new Command.Paid("import-3")).Then(new Event.PaidOff("import-3", Now));
        Assert.Equal([Kam, Head], escalated.Effects.Cast<CloseTasks>().Select(c => c.AssigneeUserId));

        Assert.Empty(Spec().Given(Opened).When(new Command.Paid("import-3")).Then(new Event.PaidOff("import-3", Now)).Effects);
    }

    [Fact]
    public void A_new_due_date_moves_the_stages_not_yet_acted_on_and_seeing_it_unchanged_changes_nothing()
    {
        Assert.True(Spec().Given(Opened).When(new Command.Seen(Document.DueDate, 1000m, "BRL")).Then().ChangesNothing);

        var later = new DateOnly(2026, 4, 30);
        var moved = Spec().Given(Opened, new Event.KamTasked(1, Now)).When(new Command.Seen(later, 800m, "BRL")).Then(new Event.Rescheduled(later, 800m, "BRL", Now));
        Assert.Equal(["overdue-7", "overdue-15", "overdue-30"], moved.WakeUps.Select(w => w.Name));
        Assert.Equal(SaoPaulo.AddBusinessDays(later, 7), Resolve(moved.WakeUps[0].When));
    }

    [Fact]
    public void Opening_twice_is_stale()
    {
        var decision = Spec().Given(Opened).When(new Command.Open(Document, null)).Then();
        Assert.NotNull(decision.StaleReason);
    }

    [Fact]
    public void Bad_timings_are_named()
    {
        Assert.NotNull(new FollowUpTimings([], 30).Problem());
        Assert.NotNull(new FollowUpTimings([1, 1], 30).Problem());
        Assert.NotNull(new FollowUpTimings([1, 7, 15], 15).Problem());
        Assert.Null(FollowUpTimings.Default.Problem());
    }
}
