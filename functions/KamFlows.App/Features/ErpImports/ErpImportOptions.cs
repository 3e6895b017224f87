using Microsoft.Extensions.Options;

namespace KamFlows.App.Features.ErpImports;

/// <summary>Settings of ERP imports (section <c>Imports</c>, all optional).</summary>
public sealed class ErpImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest file accepted (default 512 MiB: a year of lines of a large ERP).</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>How long a run holds an import without a checkpoint before another may take it over (after a crash).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many rows are read between two checkpoints (and held in memory at most).</summary>
    public int FlushRows { get; set; } = 5000;

    /// <summary>How many table transactions a run sends at once.</summary>
    public int Parallelism { get; set; } = 8;
}

internal sealed class ErpImportOptionsValidator : IValidateOptions<ErpImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ErpImportOptions o)
    {
        var failures = new List<string>();
        if (o.MaxUploadBytes < 1024)
        {
            failures.Add("Imports:MaxUploadBytes must be at least 1024.");
        }

        if (o.Lease < TimeSpan.FromSeconds(1) || o.Lease > TimeSpan.FromHours(1))
        {
            failures.Add("Imports:Lease must be between 00:00:01 and 01:00:00.");
        }

        if (o.FlushRows is < 100 or > 100_000 || o.Parallelism is < 1 or > 64)
        {
            failures.Add("Imports:FlushRows must be 100 to 100000 and Imports:Parallelism 1 to 64.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
