using KamFlows.Domain.Accounts;
using KamFlows.Domain.Visits;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.Visits;

/// <summary>The cadence per Pareto class (section <c>Visits</c>), e.g. <c>Visits:A:EveryWeeks</c>, <c>Visits:C:Kind</c>; the time of day visit tasks are due.</summary>
public sealed class VisitsOptions
{
    public const string Section = "Visits";

    public ClassCadence A { get; set; } = new() { EveryWeeks = 1, Kind = InteractionKind.Visit };

    public ClassCadence B { get; set; } = new() { EveryWeeks = 2, Kind = InteractionKind.Visit };

    public ClassCadence C { get; set; } = new() { EveryWeeks = 4, Kind = InteractionKind.Call };

    public TimeOnly DueAt { get; set; } = new(9, 0);

    public CadenceSettings Cadences => new(A.ToCadence(), B.ToCadence(), C.ToCadence());

    public sealed class ClassCadence
    {
        public int EveryWeeks { get; set; }

        public InteractionKind Kind { get; set; }

        public Cadence ToCadence() => new(EveryWeeks, Kind);
    }
}

internal sealed class VisitsOptionsValidator : IValidateOptions<VisitsOptions>
{
    public ValidateOptionsResult Validate(string? name, VisitsOptions options)
    {
        var failures = new List<string>();
        foreach (var (key, cadence) in new[] { ("A", options.A), ("B", options.B), ("C", options.C) })
        {
            if (cadence.EveryWeeks is < 1 or > Cadence.MaxWeeks)
            {
                failures.Add($"{VisitsOptions.Section}:{key}:EveryWeeks is 1 to {Cadence.MaxWeeks}.");
            }

            if (cadence.Kind is not (InteractionKind.Visit or InteractionKind.Call))
            {
                failures.Add($"{VisitsOptions.Section}:{key}:Kind is Visit or Call.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
