namespace KamFlows.Domain.Processes;

/// <summary>
/// What a decider is asked to decide about: a command or event of its own kind, or one of the
/// engine's own inputs (a wake-up came due, a child ended, the account changed hands).
/// </summary>
public abstract record ProcessInput<TCommand>
    where TCommand : class
{
    public sealed record Received(TCommand Command) : ProcessInput<TCommand>;

    public sealed record WokeUp(string Name, DateTimeOffset DueAt) : ProcessInput<TCommand>;

    /// <param name="ResultJson">The child's result (<see cref="Decision{TEvent}.Result"/>) as JSON, if it gave one; read it with <see cref="ProcessJson.Read{T}"/>.</param>
    public sealed record ChildCompleted(string ChildId, string Definition, string BusinessKey, string Outcome, string? ResultJson = null) : ProcessInput<TCommand>;

    public sealed record AccountReassigned(string AccountId, string FromUserId, string ToUserId) : ProcessInput<TCommand>;
}
