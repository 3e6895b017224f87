using System.ComponentModel.DataAnnotations;

namespace KamFlows.App.Features.Reviews;

/// <summary>
/// How the quarter's fan-out is cut (section <c>Reviews</c>): how many plans one work message opens,
/// and how many of them it opens at once. The timer's schedule is the app setting
/// <c>QuarterlyReviewSchedule</c> (its function.json names it, like the Functions host reads it).
/// </summary>
public sealed class ReviewsOptions
{
    public const string Section = "Reviews";

    /// <summary>Plans per work message: draining a message costs about 13 ms on Azurite, so one per plan would be most of the work.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>Plans of one message opened side by side (each is a handful of storage round trips).</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;
}
