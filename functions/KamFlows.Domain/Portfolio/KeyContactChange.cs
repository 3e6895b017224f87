using System.Globalization;

namespace KamFlows.Domain.Portfolio;

/// <summary>
/// Key-contact change: a decision maker of the customer is no longer there (the contact is inactive)
/// and was last met within the look-back (180 days) before the day looked at, or never recorded as
/// met (we cannot tell when they left). Someone last met after that day was still there then.
/// </summary>
public static class KeyContactChange
{
    public static RiskSignal? Detect(AccountFacts facts, DateOnly asOf, HealthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var gone = new List<(string Id, DateOnly? LastSeen)>();
        foreach (var contact in facts.Contacts.Where(c => c.DecisionMaker && !c.Active))
        {
            var everSeen = facts.LastSeen(contact.ContactId, DateOnly.MaxValue);
            if (everSeen is { } after && after > asOf)
            {
                continue;
            }

            if (everSeen is null || asOf.DayNumber - everSeen.Value.DayNumber <= settings.KeyContactLookbackDays)
            {
                gone.Add((contact.ContactId, everSeen));
            }
        }

        if (gone.Count == 0)
        {
            return null;
        }

        var detail = string.Join("; ", gone.Select(g => g.LastSeen is { } d
            ? string.Create(CultureInfo.InvariantCulture, $"decision maker {g.Id} left (last met {d:yyyy-MM-dd})")
            : $"decision maker {g.Id} left"));
        return new RiskSignal(RiskCause.KeyContactChange, char.ToUpperInvariant(detail[0]) + detail[1..], [.. gone.Select(g => g.Id)], settings.KeyContactChangeWeight);
    }
}
