namespace KamFlows.Domain.Calendar;

/// <summary>
/// Whose calendar a process step follows. A user's calendar comes from the user's country, region
/// and municipality; a customer's from the key account's address. Each step of a process names
/// its owner: a reminder to a KAM follows the KAM's calendar (<see cref="Recipient"/> when the KAM
/// receives it), a due date promised to a customer follows the <see cref="Customer"/>'s.
/// </summary>
public enum CalendarOwner
{
    /// <summary>The person who receives the reminder, task or escalation.</summary>
    Recipient,

    /// <summary>The key account (customer) the step is about.</summary>
    Customer,

    /// <summary>The key account manager who owns the account.</summary>
    Kam,
}
