using System.Globalization;
using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>
/// Neglect: nobody met the decision-making group (any contact of the account) for more than the
/// neglect days (60). A meeting is an entry of the log naming one of the account's contacts (a
/// complaint is the customer reaching us, not us meeting them), or the last-met date kept on a
/// contact. An account nobody has met yet counts from the day it became known. Planned visits and
/// calls the KAM missed make it neglected too, when enough of them fall within the neglect days.
/// </summary>
public static class Neglect
{
    public static RiskSignal? Detect(AccountFacts facts, DateOnly asOf, HealthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        if (facts.KnownSince > asOf)
        {
            return null;
        }

        var contacts = facts.Contacts.Select(c => c.ContactId).ToHashSet(StringComparer.Ordinal);
        DateOnly? last = null;
        foreach (var i in facts.Interactions)
        {
            if (i.On <= asOf && i.Kind != InteractionKind.Complaint && i.ContactIds.Any(contacts.Contains) && (last is null || i.On > last))
            {
                last = i.On;
            }
        }

        foreach (var c in facts.Contacts)
        {
            if (c.LastInteractionOn is { } d && d <= asOf && (last is null || d > last))
            {
                last = d;
            }
        }

        var since = last ?? facts.KnownSince;
        var days = asOf.DayNumber - since.DayNumber;
        var missed = facts.MissedVisits.Count(d => d <= asOf && asOf.DayNumber - d.DayNumber <= settings.NeglectDays);
        if (days <= settings.NeglectDays)
        {
            return missed >= settings.MissedVisitsForNeglect
                ? new RiskSignal(RiskCause.Neglect, string.Create(CultureInfo.InvariantCulture,
                    $"{missed} planned visits or calls missed in the last {settings.NeglectDays} days"), [], settings.NeglectWeight)
                : null;
        }

        var detail = last is null
            ? string.Create(CultureInfo.InvariantCulture, $"Nobody has met the decision-making group since the account became known {days} days ago ({since:yyyy-MM-dd})")
            : string.Create(CultureInfo.InvariantCulture, $"No meeting with the decision-making group for {days} days (last on {since:yyyy-MM-dd})");
        return new RiskSignal(RiskCause.Neglect, detail, [], settings.NeglectWeight);
    }
}
