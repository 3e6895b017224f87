using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Storage;

/// <summary>
/// Where the app's tables, queues and blobs live. Locally a connection string (Azurite); in Azure the
/// three service URIs reached with <c>DefaultAzureCredential</c> (the Functions host reads the same
/// <c>Storage__*</c> settings for its queue trigger).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }
    public Uri? TableServiceUri { get; set; }

    /// <summary>Prepended to every table, queue and container name, so test classes can share one Azurite.</summary>
    public string Prefix { get; set; } = "";

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);
}

internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        var anyUri = options.BlobServiceUri is not null || options.QueueServiceUri is not null || options.TableServiceUri is not null;
        if (options.UsesConnectionString && anyUri)
        {
            failures.Add("Storage:ConnectionString and Storage:*ServiceUri are both set; set one or the other.");
        }
        else if (!options.UsesConnectionString)
        {
            if (options.BlobServiceUri is null) failures.Add("Storage:BlobServiceUri is required when Storage:ConnectionString is not set.");
            if (options.QueueServiceUri is null) failures.Add("Storage:QueueServiceUri is required when Storage:ConnectionString is not set.");
            if (options.TableServiceUri is null) failures.Add("Storage:TableServiceUri is required when Storage:ConnectionString is not set.");
        }

        if (!PrefixPattern().IsMatch(options.Prefix))
        {
            failures.Add("Storage:Prefix must be empty or a lower-case letter followed by up to 15 lower-case letters or digits.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^([a-z][a-z0-9]{0,15})?$")]
    private static partial Regex PrefixPattern();
}
