using KamFlows.Domain.Processes;

namespace KamFlows.Domain.Tests.Processes;

/// <summary>Given(events).When(input).Then(decision): a decider test in one sentence.</summary>
internal sealed class DeciderSpec<TState, TCommand, TEvent>(ProcessDefinition<TState, TCommand, TEvent> definition, DecisionContext context)
    where TState : class
    where TCommand : class
    where TEvent : class
{
    private TState _state = definition.Initial;
    private Decision<TEvent>? _decision;

    public DeciderSpec<TState, TCommand, TEvent> Given(params TEvent[] events)
    {
        _state = events.Aggregate(_state, definition.Evolve);
        return this;
    }

    public DeciderSpec<TState, TCommand, TEvent> When(ProcessInput<TCommand> input)
    {
        (_state, _decision) = definition.Apply(input, _state, context);
        return this;
    }

    public DeciderSpec<TState, TCommand, TEvent> When(TCommand command) => When(new ProcessInput<TCommand>.Received(command));

    public Decision<TEvent> Then(params TEvent[] events)
    {
        Assert.NotNull(_decision);
        Assert.Equal(events, _decision.Events);
        return _decision;
    }

    /// <summary>Asserts that the decision's only event is a <typeparamref name="T"/>, when its exact value is checked apart.</summary>
    public Decision<TEvent> ThenOne<T>()
        where T : TEvent
    {
        Assert.NotNull(_decision);
        Assert.IsType<T>(Assert.Single(_decision.Events));
        return _decision;
    }

    public TState State => _state;
}
