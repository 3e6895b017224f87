using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace KamFlows.App.Storage;

/// <summary>
/// The three service clients, created once: a new client per call would open a new connection pool
/// each time and exhaust local ports under load.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(IOptions<StorageOptions> options)
    {
        var o = options.Value;
        Prefix = o.Prefix;
        // The Functions queue trigger expects base64 messages; the SDK's default is no encoding.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        if (o.UsesConnectionString)
        {
            Tables = new TableServiceClient(o.ConnectionString);
            Blobs = new BlobServiceClient(o.ConnectionString);
            Queues = new QueueServiceClient(o.ConnectionString, queueOptions);
        }
        else
        {
            TokenCredential credential = new DefaultAzureCredential();
            Tables = new TableServiceClient(o.TableServiceUri, credential);
            Blobs = new BlobServiceClient(o.BlobServiceUri, credential);
            Queues = new QueueServiceClient(o.QueueServiceUri, credential, queueOptions);
        }
    }

    public string Prefix { get; }
    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }

    public TableClient Table(string name) => Tables.GetTableClient(Prefix + name);

    public BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(Prefix + name);

    /// <summary>A queue by its full name (queue names come from function.json settings, already prefixed).</summary>
    public QueueClient Queue(string fullName) => Queues.GetQueueClient(fullName);
}
