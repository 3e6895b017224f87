using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Hosting;

public sealed class HealthTests(Azurite azurite)
{
    [Fact]
    public async Task Health_is_200_when_tables_blobs_and_queues_answer()
    {
        await using var app = new KamFlowsApp(azurite);

        var response = await app.CreateClient().GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_503_when_storage_is_gone()
    {
        await using var app = new KamFlowsApp(azurite);
        var client = app.CreateClient(); // starts the app while storage is there
        await app.Storage.Table(KamFlows.App.Storage.StorageLayout.OrganisationTable).DeleteAsync(TestContext.Current.CancellationToken);
        await app.Storage.Container(KamFlows.App.Storage.StorageLayout.SystemContainer).DeleteAsync(cancellationToken: TestContext.Current.CancellationToken);

        var response = await client.GetAsync("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("blobs", body.GetProperty("checks").GetProperty("storage").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
