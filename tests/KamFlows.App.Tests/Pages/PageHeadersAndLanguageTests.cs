using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Pages;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Pages;

/// <summary>The headers every page sends, and pages in the person's language.</summary>
public sealed class PageHeadersAndLanguageTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, bool> Pages => new()
    {
        { "/app/", true },
        { "/app/no-such-page", true },
        { "/app/signed-out", false },
        { "/dev/sign-in", false },
        { "/app/", false }, // the redirect to sign-in
        { "/app/my-day", true },
        { "/app/processes", true },
        { "/app/portfolio", true },
        { "/app/calendar-feed", true },
        { "/app/feeds/nobody.ics?key=wrong", false }, // a calendar feed's 404
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_answer_forbids_referrer_framing_and_caching(string path, bool signedIn)
    {
        var browser = new PageBrowser(app);
        if (signedIn)
        {
            await browser.SignInAsync(KamFlowsApp.AdminEmail);
        }

        var response = await browser.GetAsync(path);

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("no-store", Header(response, "Cache-Control"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task A_refused_form_still_carries_the_page_headers()
    {
        var response = await new PageBrowser(app).PostFormAsync("/dev/sign-in", [new("Email", KamFlowsApp.AdminEmail)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_keeps_its_own_headers()
    {
        var response = await app.AdminClient().GetAsync("/api/me", Ct);

        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Theory]
    [InlineData("pt-PT", "Terminar sessão", "Gestor de contas-chave")]
    [InlineData("pt-BR", "Sair", "Gerente de contas-chave")]
    [InlineData("en", "Sign out", "Key account manager")]
    public async Task A_signed_in_person_reads_pages_in_their_own_language_whatever_the_browser_asks(string language, string signOut, string kam)
    {
        var email = People.UniqueEmail("lang");
        var body = People.UserBody(email, ["Kam"]);
        body["language"] = language;
        (await app.AdminClient().PostAsJsonAsync("/api/users", body, Ct)).EnsureSuccessStatusCode();
        var browser = new PageBrowser(app);
        await browser.SignInAsync(email);

        var home = await browser.GetPageAsync("/app/", acceptLanguage: language == "en" ? "pt-BR" : "en");

        Assert.Contains($"<html lang=\"{language}\">", home, StringComparison.Ordinal);
        Assert.Contains(signOut + "</button>", home, StringComparison.Ordinal);
        Assert.Contains(kam, home, StringComparison.Ordinal);
        var missing = await browser.GetAsync("/app/no-such-page");
        Assert.Contains($"<html lang=\"{language}\">", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pt-BR,pt;q=0.9,en;q=0.8", "pt-BR", "Entrar como")]
    [InlineData("pt-PT", "pt-PT", "Iniciar sessão como")]
    [InlineData("pt", "pt-BR", "Entrar como")]
    [InlineData("fr-FR,pt-PT;q=0.5", "pt-PT", "Iniciar sessão como")]
    [InlineData("de-DE", "en", "Sign in as")]
    public async Task Before_sign_in_the_page_follows_the_browsers_language(string acceptLanguage, string expected, string text)
    {
        var page = await new PageBrowser(app).GetPageAsync("/dev/sign-in", acceptLanguage);

        Assert.Contains($"<html lang=\"{expected}\">", page, StringComparison.Ordinal);
        Assert.Contains(text, page, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_language_has_every_string_of_the_pages()
    {
        var texts = new PageTexts();
        var english = texts.Strings("en");
        Assert.NotEmpty(english);
        foreach (var language in PageTexts.Languages)
        {
            var strings = texts.Strings(language);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), strings.Keys.Order(StringComparer.Ordinal));
            Assert.All(strings, s => Assert.False(string.IsNullOrWhiteSpace(s.Value), $"{language}: {s.Key} is empty"));
        }

        // Every role has its name in every language.
        foreach (var role in Enum.GetNames<KamFlows.Domain.Organisation.Role>())
        {
            Assert.Contains("role." + role, english.Keys);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");
}
