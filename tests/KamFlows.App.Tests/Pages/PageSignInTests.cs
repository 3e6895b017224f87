using System.Net;
using KamFlows.App.Pages;
using KamFlows.App.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Pages;

/// <summary>Development sign-in for pages: pick a user, get the page cookie, see yourself; and the ways it must refuse.</summary>
public sealed class PageSignInTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_without_sign_in_redirects_to_the_sign_in_page_with_the_way_back()
    {
        var response = await new PageBrowser(app).GetAsync("/app/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dev/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fapp%2F", response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Picking_a_user_signs_in_and_the_home_page_shows_who_they_are_and_their_roles()
    {
        var email = People.UniqueEmail("kamila");
        await People.CreateAsync(app.AdminClient(), email, "Kam", "Director");
        var browser = new PageBrowser(app);

        var picker = await browser.GetPageAsync("/dev/sign-in");
        Assert.Contains(email, picker, StringComparison.Ordinal); // the users table is listed
        var signedIn = await browser.SignInAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/app/", signedIn.Headers.Location!.OriginalString);
        Assert.True(browser.HasCookie("kamflows"));
        var home = await browser.GetPageAsync("/app/");
        Assert.Contains("Test " + email.Split('@')[0], home, StringComparison.Ordinal);
        Assert.Contains(email, home, StringComparison.Ordinal);
        Assert.Contains("data-role=\"Kam\"", home, StringComparison.Ordinal);
        Assert.Contains("data-role=\"Director\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-role=\"Admin\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Roles_changed_by_an_administrator_show_on_the_next_page_without_signing_in_again()
    {
        var email = People.UniqueEmail("promoted");
        var user = await People.CreateAsync(app.AdminClient(), email, "Kam");
        var browser = new PageBrowser(app);
        await browser.SignInAsync(email);
        Assert.DoesNotContain("data-role=\"HeadOfKam\"", await browser.GetPageAsync("/app/"), StringComparison.Ordinal);

        var admin = app.AdminClient();
        var current = await admin.GetAsync($"/api/users/{user.Id}", Ct);
        var body = People.UserBody(email, ["Kam", "HeadOfKam"]);
        var update = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{user.Id}") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        update.Headers.IfMatch.Add(current.Headers.ETag!);
        (await admin.SendAsync(update, Ct)).EnsureSuccessStatusCode();

        Assert.Contains("data-role=\"HeadOfKam\"", await browser.GetPageAsync("/app/"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/app/")]
    [InlineData("//evil.example/app/")]
    [InlineData("/\\evil.example/app/")]
    [InlineData("http:/evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_off_the_site_is_refused_and_sign_in_goes_home(string returnUrl)
    {
        var email = People.UniqueEmail("redirected");
        await People.CreateAsync(app.AdminClient(), email, "Kam");
        var browser = new PageBrowser(app);

        var page = await browser.GetPageAsync("/dev/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Contains("name=\"ReturnUrl\" value=\"/app/\"", page, StringComparison.Ordinal);
        var response = await browser.PostFormAsync("/dev/sign-in",
        [
            new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(page)),
            new("ReturnUrl", returnUrl),
            new("Email", email),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_address_is_followed()
    {
        var email = People.UniqueEmail("returning");
        await People.CreateAsync(app.AdminClient(), email, "Kam");

        var response = await new PageBrowser(app).SignInAsync(email, "/app/somewhere?x=1");

        Assert.Equal("/app/somewhere?x=1", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_in_without_an_antiforgery_token_is_refused_with_a_400_page_and_signs_no_one_in()
    {
        var browser = new PageBrowser(app);
        await browser.GetPageAsync("/dev/sign-in"); // the antiforgery cookie is there; only the form's token is missing

        var response = await browser.PostFormAsync("/dev/sign-in", [new("ReturnUrl", "/app/"), new("Email", KamFlowsApp.AdminEmail)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This form could not be accepted", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(browser.HasCookie("kamflows"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/app/")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_refused_and_the_person_stays_signed_in()
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(KamFlowsApp.AdminEmail);

        var forged = await browser.PostFormAsync("/app/sign-out", []);
        var wrong = await browser.PostFormAsync("/app/sign-out", [new("__RequestVerificationToken", "not-a-token")]);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app/")).StatusCode);
    }

    [Fact]
    public async Task Every_page_request_that_may_change_something_needs_an_antiforgery_token()
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(KamFlowsApp.AdminEmail);
        var changing = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => PagePaths.IsPage("/" + (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["POST"])
                .Where(m => m is not "GET" and not "HEAD")
                .Select(m => (Method: m, Path: "/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{**path}", "anything", StringComparison.Ordinal))))
            .ToList();
        var before = await StorageSnapshot.TakeAsync(app.Storage, Ct);

        var answers = new List<string>();
        foreach (var (method, path) in changing)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new FormUrlEncodedContent([new("Email", KamFlowsApp.AdminEmail)]) };
            var response = await browser.Client.SendAsync(request, Ct);
            answers.Add($"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.True(changing.Any(c => c.Path == "/app/sign-out") && changing.Any(c => c.Path.TrimEnd('/') == "/dev/sign-in"), string.Join(", ", answers));
        Assert.All(answers, a => Assert.EndsWith(": 400", a, StringComparison.Ordinal));
        Assert.Equal(before, await StorageSnapshot.TakeAsync(app.Storage, Ct));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app/")).StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_persons_page_is_refused()
    {
        var other = new PageBrowser(app);
        await other.SignInAsync(KamFlowsApp.AdminEmail);
        var othersPage = await other.GetPageAsync("/app/");
        var email = People.UniqueEmail("victim");
        await People.CreateAsync(app.AdminClient(), email, "Kam");
        var victim = new PageBrowser(app);
        await victim.SignInAsync(email);

        var response = await victim.SignOutAsync(othersPage);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/app/")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_page_sign_in()
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(KamFlowsApp.AdminEmail);
        var home = await browser.GetPageAsync("/app/");

        var response = await browser.SignOutAsync(home);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/app/signed-out", response.Headers.Location!.OriginalString);
        Assert.Contains("You have signed out", await browser.GetPageAsync("/app/signed-out"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/app/")).StatusCode);
    }

    [Fact]
    public async Task Someone_signed_in_who_is_not_a_user_gets_a_friendly_403_page()
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync("stranger@elsewhere.test");

        var response = await browser.GetAsync("/app/");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("stranger@elsewhere.test, which is not an active KamFlows user", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_does_not_exist_is_a_friendly_404_page_in_the_layout()
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(KamFlowsApp.AdminEmail);

        var response = await browser.GetAsync("/app/no-such-page");
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal); // the layout, with its skip link
        Assert.Contains("/app/sign-out", html, StringComparison.Ordinal); // still signed in there
    }

    [Fact]
    public async Task The_api_does_not_accept_the_page_cookie()
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(KamFlowsApp.AdminEmail);

        var response = await browser.Client.GetAsync("/api/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_layout_is_keyboard_and_phone_ready()
    {
        var browser = new PageBrowser(app);
        await browser.SignInAsync(KamFlowsApp.AdminEmail);

        var home = await browser.GetPageAsync("/app/");
        var css = await browser.GetAsync("/app/static/site.css");

        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"", home, StringComparison.Ordinal);
        Assert.Contains("<a class=\"skip\" href=\"#main\">", home, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains(":focus-visible", await css.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var picker = await new PageBrowser(app).GetPageAsync("/dev/sign-in");
        Assert.Contains("<label for=\"other-email\">", picker, StringComparison.Ordinal);
        Assert.Contains("id=\"other-email\"", picker, StringComparison.Ordinal);
    }
}
