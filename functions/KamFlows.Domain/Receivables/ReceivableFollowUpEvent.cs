using System.Text.Json.Serialization;

namespace KamFlows.Domain.Receivables;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Opened), "opened")]
[JsonDerivedType(typeof(Rescheduled), "rescheduled")]
[JsonDerivedType(typeof(KamTasked), "kam-tasked")]
[JsonDerivedType(typeof(Escalated), "escalated")]
[JsonDerivedType(typeof(PaidOff), "paid-off")]
public abstract record ReceivableFollowUpEvent
{
    public sealed record Opened(ReceivableDocument Document, FollowUpTimings Timings, DateTimeOffset At) : ReceivableFollowUpEvent;

    public sealed record Rescheduled(DateOnly DueDate, decimal Amount, string Currency, DateTimeOffset At) : ReceivableFollowUpEvent;

    public sealed record KamTasked(int BusinessDaysOverdue, DateTimeOffset At) : ReceivableFollowUpEvent;

    public sealed record Escalated(int BusinessDaysOverdue, DateTimeOffset At) : ReceivableFollowUpEvent;

    public sealed record PaidOff(string ImportId, DateTimeOffset At) : ReceivableFollowUpEvent;
}
