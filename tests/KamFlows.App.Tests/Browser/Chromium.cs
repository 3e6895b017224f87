using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(KamFlows.App.Tests.Browser.Chromium))]

namespace KamFlows.App.Tests.Browser;

/// <summary>
/// One headless Chromium for the whole test run: Debian's (apt packages <c>chromium</c> and
/// <c>chromium-driver</c>, installed by <c>scripts/test.sh</c> when missing), driven by Playwright for
/// .NET through the executable path, so Playwright never downloads a browser. Launched on first use
/// only (a run without browser tests starts none); each test works in contexts of its own, which share
/// nothing (cookies, storage). Playwright gives every launch a fresh profile directory
/// (<c>--user-data-dir</c> in the temporary folder, removed at close) and refuses one passed by hand.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string DebianPath = "/usr/bin/chromium";

    /// <summary>Headless, no sandbox (tests run as root in CI), and nothing that reaches out to the network by itself.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>How long one browser step may take on a loaded two-core machine.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _launch = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where Chromium is: <c>KAMFLOWS_CHROMIUM</c> if set, else Debian's.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("KAMFLOWS_CHROMIUM") is { Length: > 0 } path ? path : DebianPath;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>A new context (a fresh browser profile as far as a site can tell) whose relative addresses go to <paramref name="baseUrl"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl, ViewportSize? viewport = null, string? locale = null)
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
            Locale = locale ?? "en-GB",
            // Nothing but the app under test: a page that asked for anything else would fail here, not silently.
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        context.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)StepTimeout.TotalMilliseconds);
        return context;
    }

    private async Task<IBrowser> BrowserAsync()
    {
        await _launch.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (!File.Exists(ExecutablePath))
            {
                throw new InvalidOperationException(
                    $"Chromium is not installed at {ExecutablePath}. scripts/test.sh installs it (apt-get install -y chromium chromium-driver, as root); " +
                    "or set KAMFLOWS_CHROMIUM to another Chromium.");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = Arguments,
                Timeout = (float)TimeSpan.FromMinutes(2).TotalMilliseconds,
            });
            return _browser;
        }
        finally
        {
            _launch.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        _launch.Dispose();
    }
}
