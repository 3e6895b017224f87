using System.Net;
using System.Text.RegularExpressions;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace KamFlows.App.Tests.Pages;

/// <summary>
/// A browser as far as the pages care: keeps cookies, follows no redirect by itself (tests look at
/// each one), reads the antiforgery token out of a page's form and sends forms. Its cookie jar can be
/// carried to another app host, as one browser talks to several instances behind a load balancer.
/// </summary>
internal sealed partial class PageBrowser
{
    public PageBrowser(KamFlowsApp app, CookieContainer? cookies = null)
    {
        Cookies = cookies ?? new CookieContainer();
        Client = app.CreateDefaultClient(new CookieContainerHandler(Cookies));
    }

    public CookieContainer Cookies { get; }

    public HttpClient Client { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string path, string? acceptLanguage = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return Client.SendAsync(request, Ct);
    }

    public async Task<string> GetPageAsync(string path, string? acceptLanguage = null)
    {
        var response = await GetAsync(path, acceptLanguage);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {html}");
        return html;
    }

    public Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        return Client.SendAsync(request, Ct);
    }

    /// <summary>Signs in on the development sign-in page as <paramref name="email"/>, as a person would: open the page, pick, send.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string returnUrl = "/app/")
    {
        var page = await GetPageAsync("/dev/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        return await PostFormAsync("/dev/sign-in",
        [
            new("__RequestVerificationToken", AntiforgeryToken(page)),
            new("ReturnUrl", returnUrl),
            new("Email", email),
        ]);
    }

    /// <summary>Posts the sign-out form of a page just read.</summary>
    public async Task<HttpResponseMessage> SignOutAsync(string fromPage) =>
        await PostFormAsync("/app/sign-out", [new("__RequestVerificationToken", AntiforgeryToken(fromPage))]);

    public bool HasCookie(string name) => Cookies.GetAllCookies().Any(c => c.Name == name);

    public static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException("The page has no antiforgery token: " + html);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenInput();
}
