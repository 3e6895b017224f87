using System.Net;
using System.Text;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.SalesHistory;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.ErpImports;

/// <summary>A file of 100,000 sales lines, written to the request as it is sent and read from its blob as a stream.</summary>
public sealed class ImportVolumeTests(ImportVolumeTests.App app) : IClassFixture<ImportVolumeTests.App>
{
    public const int Rows = 100_000;
    public const int Customers = 200;

    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite)
        {
            Settings = new Dictionary<string, string?> { ["Portfolio:ExchangeRates:BRL"] = "0.2" };
        }
    }

    [Fact]
    public async Task A_file_of_100000_rows_is_imported_whole_with_exact_totals()
    {
        var ct = TestContext.Current.CancellationToken;
        var imports = new ImportWorld(app);
        var source = await imports.SourceAsync(defaultBusinessUnit: "PHARMA");
        var prefix = "V" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

        var upload = await imports.UploadAsync(source, new SalesFileContent(prefix, Rows, Customers), "vendas.csv");
        Assert.True(upload.Bytes > 5_000_000);
        var done = await imports.RunAsync(upload.Id);

        Assert.Equal((ImportStatus.Applied, Rows, Rows, 0), (done.Status, done.RowsRead, done.RowsApplied, done.RowsRejected));
        var history = app.Services.GetRequiredService<SalesHistoryProjection>();
        foreach (var customer in new[] { 0, 1, 57, Customers - 1 })
        {
            var lines = await history.ReadAsync(SalesFileContent.Customer(prefix, customer), "2026-Q1", ct);
            var expected = SalesFileContent.Lines(prefix, Rows, Customers).Where(l => l.Customer == customer && l.Month <= 3).Sum(l => l.Value);
            Assert.Equal(expected, lines.Sum(l => l.NetValue));
            Assert.Equal(SalesFileContent.Lines(prefix, Rows, Customers).Count(l => l.Customer == customer && l.Month <= 3), lines.Sum(l => l.Lines));
        }
    }
}

/// <summary>A CSV of sales lines written as the request is sent (never held whole), the same every time for the same arguments.</summary>
internal sealed class SalesFileContent(string prefix, int rows, int customers) : HttpContent
{
    public static string Customer(string prefix, int i) => $"{prefix}{i:D4}";

    public static IEnumerable<(int Row, int Customer, int Month, decimal Value, string Text)> Lines(string prefix, int rows, int customers)
    {
        for (var i = 0; i < rows; i++)
        {
            var customer = i % customers;
            var month = 1 + (i % 6);
            var value = (i % 997) + ((i % 100) / 100m);
            yield return (i, customer, month, value,
                $"{1 + (i % 28):D2}/{month:D2}/2026;{Customer(prefix, customer)};Linha {i % 7};{1 + (i % 5)};{value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')};BRL;NF-{i / 3};{i % 3}");
        }
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync("Data;Cliente;Linha;Qtd;Valor;Moeda;NF;Item\r\n");
        foreach (var line in Lines(prefix, rows, customers))
        {
            await writer.WriteAsync(line.Text);
            await writer.WriteAsync("\r\n");
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
