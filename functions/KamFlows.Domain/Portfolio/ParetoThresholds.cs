namespace KamFlows.Domain.Portfolio;

/// <summary>
/// Where the classes end: class A is the top accounts making up <see cref="A"/> of revenue (0.80),
/// class B the next <see cref="B"/> (0.15), class C the rest.
/// </summary>
public sealed record ParetoThresholds(decimal A, decimal B)
{
    public static ParetoThresholds Default { get; } = new(0.80m, 0.15m);

    /// <summary>What is wrong with these thresholds, if anything.</summary>
    public string? Problem() =>
        A is <= 0 or > 1 ? "The A share is above 0 and at most 1."
        : B < 0 || A + B > 1 ? "The B share is 0 or more, and A + B at most 1."
        : null;
}
