using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>A contact as the risk signals see it: a decision maker or not, still there or gone, last met when.</summary>
public sealed record ContactFact(string ContactId, bool DecisionMaker, bool Active, DateOnly? LastInteractionOn);

/// <summary>An entry of the interaction log as the risk signals see it.</summary>
public sealed record InteractionFact(string Id, DateOnly On, InteractionKind Kind, IReadOnlyList<string> ContactIds, bool OpenComplaint);

/// <summary>
/// What the uncoupling signals of one account are computed from: since when the account is known,
/// its contacts, its interaction log and its net revenue per quarter (reporting currency).
/// </summary>
public sealed record AccountFacts(
    DateOnly KnownSince,
    IReadOnlyList<ContactFact> Contacts,
    IReadOnlyList<InteractionFact> Interactions,
    IReadOnlyDictionary<Quarter, decimal> Revenue)
{
    /// <summary>The days of planned visits and calls the KAM missed (planned, not done, the day gone).</summary>
    public IReadOnlyList<DateOnly> MissedVisits { get; init; } = [];

    /// <summary>The last day we met the contact on or before <paramref name="asOf"/>: the log's entries naming them, or the date kept on the contact.</summary>
    public DateOnly? LastSeen(string contactId, DateOnly asOf)
    {
        DateOnly? last = null;
        foreach (var i in Interactions)
        {
            if (i.On <= asOf && i.Kind != InteractionKind.Complaint && i.ContactIds.Contains(contactId) && (last is null || i.On > last))
            {
                last = i.On;
            }
        }

        var kept = Contacts.FirstOrDefault(c => c.ContactId == contactId)?.LastInteractionOn;
        return kept is { } k && k <= asOf && (last is null || k > last) ? k : last;
    }
}
