using KamFlows.Domain.Approvals;
using KamFlows.Domain.Contracts;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using KamFlows.Domain.Tests.Processes;
using Command = KamFlows.Domain.Contracts.ContractRenewalCommand;
using Event = KamFlows.Domain.Contracts.ContractRenewalEvent;

namespace KamFlows.Domain.Tests.Contracts;

public sealed class ContractRenewalDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly ContractRenewalDefinition Definition = new();
    private static readonly ContractTerms Terms = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 100000m, "EUR", 25);
    private static readonly PartyCalendar Lisbon = new("PT", null, null, "Europe/Lisbon");

    private static readonly Command.Arm Arm = new("acc1", "c1", Terms, "kam-1", "dir-1", ["head-1"],
        new Dictionary<string, PartyCalendar> { ["kam"] = Lisbon, ["director"] = Lisbon, ["alternate"] = Lisbon }, new RenewalTimings(LeadDays: 60));

    private static DeciderSpec<ContractRenewalState, Command, Event> Spec(Sender? sender = null) =>
        new(Definition, new DecisionContext(Now, "contractrenewal-1", new Dictionary<string, IReadOnlyList<string>>()) { Sender = sender ?? Sender.System });

    private static Event[] Armed() => [.. Definition.Decide(new ProcessInput<Command>.Received(Arm), ContractRenewalState.New,
        new DecisionContext(Now, "contractrenewal-1", new Dictionary<string, IReadOnlyList<string>>())).Events];

    [Fact]
    public void Arming_wakes_the_renewal_the_lead_days_before_the_notice_deadline_never_later()
    {
        var decision = Spec().When(Arm).ThenOne<Event.Armed>();

        // 31 December minus 25 days' notice is 6 December; 60 days before it is 7 October.
        var wake = Assert.Single(decision.WakeUps);
        Assert.Equal(new WakeTime.BusinessDaysFrom(new DateOnly(2026, 10, 7), 0, new TimeOnly(9, 0), ContractRenewalDefinition.Kam), wake.When);
    }

    [Fact]
    public void Terms_that_leave_a_gap_after_the_contract_are_stale_and_start_no_sign_off()
    {
        var gap = Terms with { Start = new DateOnly(2027, 2, 1), End = new DateOnly(2027, 12, 31) };

        var spec = Spec(Sender.Person("kam-1", [])).Given(Armed());
        var decision = spec.When(new Command.ProposeTerms(gap, null)).Then();

        Assert.Contains("start", decision.StaleReason, StringComparison.Ordinal);
        Assert.Empty(decision.Children);
    }

    [Fact]
    public void A_sign_off_of_an_earlier_round_is_stale_and_the_current_one_renews()
    {
        var renewed = Terms with { Start = new DateOnly(2027, 1, 1), End = new DateOnly(2027, 12, 31) };
        var spec = Spec().Given([.. Armed(), new Event.TermsProposed(renewed, null, "kam-1", 2, Now)]);
        var approved = ProcessJson.Write(new ApprovalResult(ApprovalOutcomes.Approved, Now, "dir-1", null, DecidedAs.Approver, Verdict.Approve, null, []));

        var old = spec.When(new ProcessInput<Command>.ChildCompleted("x", ApprovalRequestDefinition.DefinitionName,
            ContractRenewalDefinition.SignOffKey("contractrenewal-1", 1), ApprovalOutcomes.Approved, approved)).Then();
        Assert.NotNull(old.StaleReason);

        var current = spec.When(new ProcessInput<Command>.ChildCompleted("y", ApprovalRequestDefinition.DefinitionName,
            ContractRenewalDefinition.SignOffKey("contractrenewal-1", 2), ApprovalOutcomes.Approved, approved)).ThenOne<Event.Renewed>();
        Assert.Equal(ContractRenewalDefinition.Outcomes.Renewed, current.Outcome);
        var effect = Assert.IsType<RenewContract>(Assert.Single(current.Effects));
        Assert.Equal(renewed, effect.Terms);
        Assert.Equal(RenewContract.IdOfRenewalOf("c1"), effect.NewContractId);
    }

    [Fact]
    public void Cancelling_closes_the_renewal_tasks_as_cancelled()
    {
        var decision = Spec().Given([.. Armed(), new Event.Opened(Now)]).When(new Command.Cancel("contract deleted")).ThenOne<Event.Cancelled>();

        Assert.Equal(ContractRenewalDefinition.Outcomes.Cancelled, decision.Outcome);
        var close = Assert.IsType<CloseTasks>(Assert.Single(decision.Effects));
        Assert.Equal(CloseTasks.Cancelled, close.Outcome);
        Assert.Equal([ContractRenewalDefinition.TermsTask, ContractRenewalDefinition.ReviseTask], close.TaskKinds);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", 10, "EUR", 30, null)]
    [InlineData("2026-12-31", "2026-01-01", 10, "EUR", 30, "end")]
    [InlineData("2026-01-01", "2026-12-31", 0, "EUR", 30, "value")]
    [InlineData("2026-01-01", "2026-12-31", 10, "eur", 30, "currency")]
    [InlineData("2026-01-01", "2026-02-01", 10, "EUR", 60, "noticePeriodDays")]
    public void Contract_terms_rules(string start, string end, decimal value, string currency, int notice, string? wrongField)
    {
        var errors = ContractRules.Validate(new ContractTerms(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), value, currency, notice));

        Assert.Equal(wrongField is null ? [] : [wrongField], errors.Select(e => e.Field));
    }
}
