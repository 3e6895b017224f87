using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace KamFlows.App.Tests.Browser;

/// <summary>
/// One person at one browser: a context of the run's <see cref="Chromium"/> pointed at a
/// <see cref="BrowserApp"/>, one tab, signed in through the development sign-in page as a person
/// would. <see cref="CheckAsync"/> is what every page visit ends with: axe-core finds no serious or
/// critical violation, and a screenshot is saved as test output.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] Failing = ["serious", "critical"];

    private readonly IBrowserContext _context;

    private BrowserSession(IBrowserContext context, IPage page, Uri baseUrl)
    {
        _context = context;
        Page = page;
        BaseUrl = baseUrl;
    }

    public IPage Page { get; }

    public Uri BaseUrl { get; }

    public static async Task<BrowserSession> OpenAsync(Chromium chromium, BrowserApp app, ViewportSize? viewport = null)
    {
        var address = app.Address;
        var context = await chromium.NewContextAsync(address, viewport);
        return new BrowserSession(context, await context.NewPageAsync(), address);
    }

    /// <summary>Opens <paramref name="path"/> and returns the answer's status.</summary>
    public async Task<int> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        return response?.Status ?? 0;
    }

    /// <summary>Signs in as <paramref name="email"/> on the development sign-in page: picks them from the list, or types the email when the list does not show them.</summary>
    public async Task SignInAsync(string email, string returnUrl = "/app/")
    {
        await GotoAsync("/dev/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var listed = Page.Locator($"button[name=Email][value=\"{email}\"]");
        if (await listed.CountAsync() > 0)
        {
            await listed.ClickAsync();
        }
        else
        {
            await Page.GetByLabel("Another email").Or(Page.Locator("#other-email")).First.FillAsync(email);
            await Page.Locator("form.other button[type=submit]").ClickAsync();
        }

        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == new Uri(BaseUrl, returnUrl).AbsolutePath);
    }

    /// <summary>
    /// Saves a full-page screenshot named <paramref name="name"/> as a test attachment (the test
    /// platform writes it to <c>TestResults/&lt;test&gt;/{name}.png</c>, gitignored), then runs axe-core on the
    /// page as it is now, failing on any serious or critical violation.
    /// </summary>
    public async Task CheckAsync(string name)
    {
        var png = await Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        TestContext.Current.AddAttachment(name + ".png", png, "image/png");

        var result = await Page.RunAxe();
        var bad = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
        Assert.True(bad.Count == 0, $"axe-core on {Page.Url} ({name}):{Environment.NewLine}{Describe(bad)}");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {v.Id} ({v.Impact}): {v.Help}");
            foreach (var node in v.Nodes.Take(5))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();
}
