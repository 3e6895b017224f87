using System.Text.Json.Serialization;

namespace KamFlows.Domain.Receivables;

/// <summary>What the receivables imports tell a document's follow-up, and what its tasks report back.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Open), "open")]
[JsonDerivedType(typeof(Seen), "seen")]
[JsonDerivedType(typeof(Paid), "paid")]
public abstract record ReceivableFollowUpCommand
{
    /// <summary>An import found the document open: follow it up from its due date on.</summary>
    public sealed record Open(ReceivableDocument Document, FollowUpTimings? Timings) : ReceivableFollowUpCommand;

    /// <summary>A later import found it still open, perhaps with a new due date or amount.</summary>
    public sealed record Seen(DateOnly DueDate, decimal Amount, string Currency) : ReceivableFollowUpCommand;

    /// <summary>A full snapshot no longer lists it: paid.</summary>
    public sealed record Paid(string ImportId) : ReceivableFollowUpCommand;
}

/// <summary>An open document of an account, as the ERP has it.</summary>
public sealed record ReceivableDocument(string SourceId, string Document, string AccountId, DateOnly DueDate, decimal Amount, string Currency);

/// <summary>When the follow-up acts, in business days after the due date: tasks for the KAM, then the escalation to the head of KAM.</summary>
public sealed record FollowUpTimings(IReadOnlyList<int> KamTaskDays, int EscalationDay)
{
    public static FollowUpTimings Default { get; } = new([1, 7, 15], 30);

    public string? Problem() =>
        KamTaskDays.Count == 0 || KamTaskDays.Any(d => d < 1) || KamTaskDays.Distinct().Count() != KamTaskDays.Count
            ? "The KAM's task days are distinct business days of 1 or more."
            : EscalationDay <= KamTaskDays.Max() ? "The escalation comes after the KAM's last task." : null;
}
