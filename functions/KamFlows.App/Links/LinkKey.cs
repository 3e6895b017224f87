using System.Security.Cryptography;
using Azure;
using KamFlows.App.Storage;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Links;

/// <summary>
/// The secret link tokens are derived from. Configured (<see cref="EmailedLinkOptions.Key"/>) everywhere but
/// in Development, where one is made on first use and kept in the system container.
/// </summary>
public sealed class LinkKey(IOptions<EmailedLinkOptions> options, IHostEnvironment environment, StorageClients storage)
{
    public const int MinBytes = 32;
    private const string DevelopmentKeyBlob = "dev/link-key";
    private Task<byte[]>? _loading;

    public Task<byte[]> GetAsync(CancellationToken ct)
    {
        // One load shared by concurrent callers; a failed one (storage down) is tried again next time.
        var loading = Volatile.Read(ref _loading);
        if (loading is null || loading.IsFaulted || loading.IsCanceled)
        {
            var fresh = LoadAsync(ct);
            loading = Interlocked.CompareExchange(ref _loading, fresh, loading) == loading ? fresh : Volatile.Read(ref _loading)!;
        }

        return loading.WaitAsync(ct);
    }

    /// <summary>Why the configured key is unusable, or null when it is fine (checked at start).</summary>
    public static string? Problem(string? configured, bool development)
    {
        if (string.IsNullOrEmpty(configured))
        {
            return development ? null : "Links:Key is required outside Development (base64 of at least 32 random bytes).";
        }

        var buffer = new byte[configured.Length];
        return Convert.TryFromBase64String(configured, buffer, out var length) && length >= MinBytes
            ? null
            : "Links:Key must be base64 of at least 32 random bytes.";
    }

    private async Task<byte[]> LoadAsync(CancellationToken ct)
    {
        if (options.Value.Key is { Length: > 0 } configured)
        {
            return Convert.FromBase64String(configured);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(Problem(null, development: false));
        }

        var blob = storage.Container(StorageLayout.SystemContainer).GetBlobClient(DevelopmentKeyBlob);
        try
        {
            await blob.UploadAsync(new BinaryData(RandomNumberGenerator.GetBytes(MinBytes)), overwrite: false, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // made before (or by another instance at the same moment): use that one
        }

        return (await blob.DownloadContentAsync(ct)).Value.Content.ToArray();
    }
}

/// <summary>Refuses to start with an unusable link key, naming the setting.</summary>
internal sealed class EmailedLinkOptionsValidation(IHostEnvironment environment) : IValidateOptions<EmailedLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailedLinkOptions options) =>
        LinkKey.Problem(options.Key, environment.IsDevelopment()) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
