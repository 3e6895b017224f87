using System.Globalization;
using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>
/// Open complaints: complaints of the interaction log made on or before the day looked at and not
/// closed. Each weighs its points, up to a cap. The log keeps whether a complaint is closed, not
/// when, so a complaint closed today counts as closed on earlier days too.
/// </summary>
public static class OpenComplaints
{
    public static RiskSignal? Detect(AccountFacts facts, DateOnly asOf, HealthSettings settings)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var open = facts.Interactions.Where(i => i.Kind == InteractionKind.Complaint && i.OpenComplaint && i.On <= asOf).Select(i => i.Id).ToList();
        if (open.Count == 0)
        {
            return null;
        }

        var detail = string.Create(CultureInfo.InvariantCulture, $"{open.Count} open complaint{(open.Count == 1 ? "" : "s")} in the interaction log");
        return new RiskSignal(RiskCause.OpenComplaints, detail, open, Math.Min(open.Count * settings.OpenComplaintWeight, settings.OpenComplaintsMaxWeight));
    }
}
