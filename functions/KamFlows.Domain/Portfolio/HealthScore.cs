using KamFlows.Domain.Accounts;

namespace KamFlows.Domain.Portfolio;

/// <summary>An account's health on one day: the score and the signals that took points off it.</summary>
public sealed record HealthAssessment(DateOnly AsOf, int Score, IReadOnlyList<RiskSignal> Signals);

/// <summary>An account's health today and at the end of each of the last quarters.</summary>
public sealed record HealthReport(HealthAssessment Now, IReadOnlyList<HealthAssessment> Quarterly);

/// <summary>
/// The health score: 100 minus the weight of each uncoupling signal found (key-contact change,
/// neglect, falling revenue, open complaints), never below 0. The trend is the same score at the end
/// of each of the last complete quarters (four), oldest first, from the facts as they stood then
/// (as far as the records tell: see each signal).
/// </summary>
public static class HealthScore
{
    public static HealthAssessment Evaluate(AccountFacts facts, DateOnly asOf, HealthSettings settings)
    {
        RiskSignal?[] found =
        [
            KeyContactChange.Detect(facts, asOf, settings),
            Neglect.Detect(facts, asOf, settings),
            FallingRevenue.Detect(facts, asOf, settings),
            OpenComplaints.Detect(facts, asOf, settings),
        ];
        var signals = found.OfType<RiskSignal>().ToList();
        return new HealthAssessment(asOf, Math.Max(0, 100 - signals.Sum(s => s.Weight)), signals);
    }

    public static HealthReport Report(AccountFacts facts, DateOnly today, HealthSettings settings, int quarters = 4)
    {
        var last = Quarter.LastCompleteOn(today);
        var trend = Enumerable.Range(0, quarters).Select(k => last.Plus(k - quarters + 1))
            .Select(q => Evaluate(facts, q.LastDay, settings))
            .ToList();
        return new HealthReport(Evaluate(facts, today, settings), trend);
    }
}
