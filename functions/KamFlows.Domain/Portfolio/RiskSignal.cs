namespace KamFlows.Domain.Portfolio;

/// <summary>The causes of uncoupling the signals look for.</summary>
public enum RiskCause
{
    /// <summary>A decision maker left.</summary>
    KeyContactChange,

    /// <summary>Nobody met the decision-making group for too long.</summary>
    Neglect,

    /// <summary>Revenue fell two quarters running.</summary>
    FallingRevenue,

    /// <summary>Complaints in the interaction log are still open.</summary>
    OpenComplaints,
}

/// <summary>A risk found on an account: its cause, in words, what it refers to (contact or log entry ids), and what it costs the health score.</summary>
public sealed record RiskSignal(RiskCause Cause, string Detail, IReadOnlyList<string> References, int Weight);

/// <summary>How long is too long, and what each cause weighs in the health score (points off 100).</summary>
public sealed record HealthSettings(
    int NeglectDays,
    int KeyContactLookbackDays,
    int KeyContactChangeWeight,
    int NeglectWeight,
    int FallingRevenueWeight,
    int OpenComplaintWeight,
    int OpenComplaintsMaxWeight)
{
    public static HealthSettings Default { get; } = new(60, 180, 30, 25, 25, 10, 30);

    /// <summary>Missed visits and calls within the neglect days that make an account neglected, however recent its last meeting.</summary>
    public int MissedVisitsForNeglect { get; init; } = 2;
}
