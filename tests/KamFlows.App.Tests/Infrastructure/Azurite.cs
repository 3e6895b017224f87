using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

[assembly: AssemblyFixture(typeof(KamFlows.App.Tests.Infrastructure.Azurite))]

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>
/// One real Azurite for the whole test run: the one named by KAMFLOWS_TEST_STORAGE if set, otherwise
/// the project's pinned Azurite (node_modules, from <c>npm ci</c>) started in memory on free ports and
/// stopped at the end. Test classes share it and keep apart by a storage prefix each.
/// </summary>
public sealed class Azurite : IAsyncLifetime
{
    // Azurite's documented development account; it is public and works nowhere but an emulator.
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("KAMFLOWS_TEST_STORAGE") is { Length: > 0 } given)
        {
            ConnectionString = given;
            return;
        }

        var root = RepositoryRoot.Find();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {azurite}: run `npm ci` in {root} (scripts/test.sh does).");
        }

        var ports = FreePorts(3);
        var workDir = Directory.CreateTempSubdirectory("kamflows-azurite-").FullName;
        var start = new ProcessStartInfo(azurite)
        {
            ArgumentList =
            {
                "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
            $"BlobEndpoint=http://127.0.0.1:{ports[0]}/{Account};QueueEndpoint=http://127.0.0.1:{ports[1]}/{Account};" +
            $"TableEndpoint=http://127.0.0.1:{ports[2]}/{Account};";

        try
        {
            foreach (var port in ports)
            {
                await Eventually.ConnectsAsync(port, TimeSpan.FromSeconds(30), () => _process.HasExited);
            }
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InvalidOperationException($"Azurite did not start: {string.Join(Environment.NewLine, _output)}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        // In memory there is nothing to flush, so no need to wait for a graceful stop (it may linger after SIGTERM).
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // It will be reaped with the test process; never hang the run on it.
        }

        _process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is not null && _output.Count < 200)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>
    /// Distinct free ports: all listeners stay open until every port is picked, else the system may
    /// hand out the port just released a second time (it did: Azurite then failed with EADDRINUSE).
    /// </summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
