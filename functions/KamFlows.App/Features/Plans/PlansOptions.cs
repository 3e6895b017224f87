using System.Text.RegularExpressions;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Plans;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Plans;

/// <summary>Settings of account plans (section <c>Plans</c>): the playbook of each relationship stage.</summary>
public sealed class PlansOptions
{
    public const string Section = "Plans";

    /// <summary>The steps a move to each stage gives the account's owner; a stage not listed has none.</summary>
    public Dictionary<RelationshipStage, List<PlaybookStepOptions>> Playbooks { get; set; } = [];

    public IReadOnlyList<PlaybookStep> StepsOf(RelationshipStage stage) =>
        Playbooks.TryGetValue(stage, out var steps) ? [.. steps.Select(s => new PlaybookStep(s.Key, s.Title, s.DueInBusinessDays))] : [];
}

public sealed class PlaybookStepOptions
{
    public string Key { get; set; } = "";

    public string Title { get; set; } = "";

    public int DueInBusinessDays { get; set; }
}

internal sealed partial class PlansOptionsValidator : IValidateOptions<PlansOptions>
{
    public ValidateOptionsResult Validate(string? name, PlansOptions options)
    {
        var failures = new List<string>();
        foreach (var (stage, steps) in options.Playbooks)
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var at = $"Plans:Playbooks:{stage}:{i}";
                if (!KeyPattern().IsMatch(steps[i].Key))
                {
                    failures.Add($"{at}:Key must be 1 to 40 letters, digits, '-' or '_'.");
                }

                if (string.IsNullOrWhiteSpace(steps[i].Title) || steps[i].Title.Length > 300)
                {
                    failures.Add($"{at}:Title must be a text of 1 to 300 characters.");
                }

                if (steps[i].DueInBusinessDays is < 0 or > 250)
                {
                    failures.Add($"{at}:DueInBusinessDays must be 0 to 250.");
                }
            }

            if (steps.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count() != steps.Count)
            {
                failures.Add($"Plans:Playbooks:{stage} lists a key twice.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,40}$")]
    private static partial Regex KeyPattern();
}
