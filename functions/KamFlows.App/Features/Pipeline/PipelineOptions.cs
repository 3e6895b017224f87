using KamFlows.Domain.Pipeline;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Pipeline;

/// <summary>
/// Settings of the pipeline (section <c>Pipeline</c>): the likelihood of winning a deal at each stage,
/// per kind, a share from 0 to 1 (e.g. <c>Pipeline__Proposal__receipt-confirmed=0.35</c>). The stage
/// names are the steps the processes report (a tender in preparation reports its current milestone). The defaults are a starting point for the department
/// to replace with its own win rates.
/// </summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    public Dictionary<string, decimal> Proposal { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["new"] = 0.2m,
        ["awaiting-approval"] = 0.1m,
        ["awaiting-receipt"] = 0.2m,
        ["receipt-confirmed"] = 0.3m,
        ["next-steps-agreed"] = 0.5m,
    };

    public Dictionary<string, decimal> Tender { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["new"] = 0.05m,
        ["bid-decision"] = 0.05m,
        ["needs"] = 0.1m,
        ["buying-group"] = 0.15m,
        ["bid-draft"] = 0.2m,
        ["sign-off"] = 0.25m,
        ["final-documents"] = 0.3m,
        ["submission"] = 0.3m,
        ["awaiting-outcome"] = 0.35m,
    };

    public StageLikelihoods Likelihoods() => new(new Dictionary<OpportunityKind, IReadOnlyDictionary<string, decimal>>
    {
        [OpportunityKind.Proposal] = Proposal,
        [OpportunityKind.Tender] = Tender,
    });
}

internal sealed class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
    public ValidateOptionsResult Validate(string? name, PipelineOptions options) =>
        options.Likelihoods().Problem() is { } problem ? ValidateOptionsResult.Fail($"Pipeline: {problem}.") : ValidateOptionsResult.Success;
}
