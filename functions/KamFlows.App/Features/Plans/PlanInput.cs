using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using KamFlows.Domain.Plans;

namespace KamFlows.App.Features.Plans;

/// <summary>
/// The draft of an account plan as the account team sends it, whole (a plan is read and written in
/// one piece). Each field's shape is checked here; how the parts fit together (milestones inside
/// their goal's dates, owners of the team, contacts of the account) is <see cref="PlanRules"/>'.
/// </summary>
public sealed record PlanInput(
    [property: Required, StringLength(4000)] string? Mission,
    [property: Required] FinancialSummaryInput? FinancialSummary,
    [property: Required] CustomerOverviewInput? CustomerOverview,
    [property: Required, MaxLength(30)] string[]? CriticalSuccessFactors,
    [property: Required, MaxLength(50)] PortfolioLineInput[]? Portfolio,
    [property: Required, MaxLength(30)] string[]? Assumptions,
    [property: Required, MaxLength(30)] string[]? Objectives,
    [property: Required, MaxLength(30)] GoalInput[]? Goals) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var nested in NestedInput.Check(this))
        {
            yield return nested;
        }

        foreach (var (name, list) in new[] { (nameof(CriticalSuccessFactors), CriticalSuccessFactors), (nameof(Assumptions), Assumptions), (nameof(Objectives), Objectives) })
        {
            for (var i = 0; i < (list ?? []).Length; i++)
            {
                if (string.IsNullOrWhiteSpace(list![i]) || list[i].Length > 1000)
                {
                    yield return new ValidationResult("Each entry is a text of 1 to 1000 characters.", [$"{JsonNamingPolicy.CamelCase.ConvertName(name)}[{i}]"]);
                }
            }
        }
    }

    public AccountPlan ToPlan() => new(
        Mission!.Trim(),
        new FinancialSummary(FinancialSummary!.Currency!, FinancialSummary.CurrentAnnualRevenue!.Value, FinancialSummary.TargetAnnualRevenue!.Value, Blank(FinancialSummary.Notes)),
        new CustomerOverview(CustomerOverview!.Text!.Trim(), [.. CustomerOverview.KeyContactIds ?? []]),
        [.. CriticalSuccessFactors!.Select(s => s.Trim())],
        [.. Portfolio!.Select(p => new PortfolioLine(p.Line!.Trim(), p.Currency!, p.CurrentRevenue!.Value, p.TargetRevenue!.Value))],
        [.. Assumptions!.Select(s => s.Trim())],
        [.. Objectives!.Select(s => s.Trim())],
        [.. Goals!.Select(g => new BusinessGoal(g.Id!, g.Title!.Trim(), g.Measure!.Trim(), g.Target!.Value, g.Start!.Value, g.Due!.Value,
            [.. (g.Milestones ?? []).Select(m => new Milestone(m.Id!, m.Quarter!, m.Target!.Value, m.Actual,
                [.. (m.Actions ?? []).Select(a => new PlanAction(a.Id!, a.Title!.Trim(), a.OwnerUserId!, a.Due!.Value, a.Done ?? false, Blank(a.ContactId)))]))]))]);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record FinancialSummaryInput(
    [property: Required, StringLength(3)] string? Currency,
    [property: Required, Range(typeof(decimal), "0", "1000000000000000")] decimal? CurrentAnnualRevenue,
    [property: Required, Range(typeof(decimal), "0", "1000000000000000")] decimal? TargetAnnualRevenue,
    [property: StringLength(4000)] string? Notes);

public sealed record CustomerOverviewInput(
    [property: Required(AllowEmptyStrings = true), StringLength(8000)] string? Text,
    [property: MaxLength(30)] string[]? KeyContactIds);

public sealed record PortfolioLineInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string? Line,
    [property: Required, StringLength(3)] string? Currency,
    [property: Required, Range(typeof(decimal), "0", "1000000000000000")] decimal? CurrentRevenue,
    [property: Required, Range(typeof(decimal), "0", "1000000000000000")] decimal? TargetRevenue);

/// <summary>A numeric goal with its dates: both are required, a goal without dates cannot be tracked.</summary>
public sealed record GoalInput(
    [property: Required, StringLength(40)] string? Id,
    [property: Required, StringLength(300, MinimumLength = 1)] string? Title,
    [property: Required, StringLength(300, MinimumLength = 1)] string? Measure,
    [property: Required] decimal? Target,
    [property: Required] DateOnly? Start,
    [property: Required] DateOnly? Due,
    [property: MaxLength(12)] MilestoneInput[]? Milestones);

public sealed record MilestoneInput(
    [property: Required, StringLength(40)] string? Id,
    [property: Required, RegularExpression("^(19|20)[0-9]{2}-Q[1-4]$", ErrorMessage = "Quarter is a calendar quarter, e.g. 2026-Q3.")] string? Quarter,
    [property: Required] decimal? Target,
    decimal? Actual,
    [property: MaxLength(50)] ActionInput[]? Actions);

public sealed record ActionInput(
    [property: Required, StringLength(40)] string? Id,
    [property: Required, StringLength(300, MinimumLength = 1)] string? Title,
    [property: Required, StringLength(64)] string? OwnerUserId,
    [property: Required] DateOnly? Due,
    bool? Done,
    [property: StringLength(64)] string? ContactId);
