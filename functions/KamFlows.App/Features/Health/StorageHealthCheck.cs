using KamFlows.App.Hosting;
using KamFlows.App.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KamFlows.App.Features.Health;

/// <summary>Can the app reach its tables, blobs and queues? One cheap call each, in parallel.</summary>
internal sealed class StorageHealthCheck(StorageClients storage, FunctionManifest manifest) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var tables = Probe("tables", async () =>
        {
            await foreach (var _ in storage.Table(StorageLayout.OrganisationTable).QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
            {
                break;
            }
        });
        var blobs = Probe("blobs", () => storage.Container(StorageLayout.SystemContainer).GetPropertiesAsync(cancellationToken: cancellationToken));
        var queues = Probe("queues", () => storage.Queue(manifest.QueueNames().First()).GetPropertiesAsync(cancellationToken));
        var failures = (await Task.WhenAll(tables, blobs, queues)).OfType<string>().ToList();
        return failures.Count == 0
            ? HealthCheckResult.Healthy("tables, blobs and queues answer")
            : HealthCheckResult.Unhealthy($"not answering: {string.Join(", ", failures)}");
    }

    private static async Task<string?> Probe(string name, Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or Azure.Identity.AuthenticationFailedException or OperationCanceledException)
        {
            return name;
        }
    }
}
