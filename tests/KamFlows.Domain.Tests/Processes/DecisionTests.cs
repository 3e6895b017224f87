using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Tests.Processes;

public sealed class DecisionTests
{
    private sealed record Noted(string What);

    private sealed record Remind(string To) : Effect
    {
        public override string Kind => "remind";
    }

    [Fact]
    public void A_decision_collects_events_effects_wake_ups_and_the_outcome_in_order()
    {
        var decision = Decision<Noted>.Of(new Noted("a"), new Noted("b"))
            .Then(new Remind("kam"))
            .Wake("follow-up", new WakeTime.BusinessDaysLater(1, new TimeOnly(9, 0), "customer"))
            .Cancel("old")
            .Complete("won");

        Assert.Equal([new Noted("a"), new Noted("b")], decision.Events);
        Assert.Equal([new Remind("kam")], decision.Effects);
        Assert.Equal("follow-up", Assert.Single(decision.WakeUps).Name);
        Assert.Equal(["old"], decision.CancelWakeUps);
        Assert.Equal("won", decision.Outcome);
        Assert.False(decision.ChangesNothing);
    }

    [Fact]
    public void None_and_stale_change_nothing()
    {
        Assert.True(Decision<Noted>.None.ChangesNothing);
        var stale = Decision<Noted>.Stale("the review closed");
        Assert.True(stale.ChangesNothing);
        Assert.Equal("the review closed", stale.StaleReason);
    }
}
