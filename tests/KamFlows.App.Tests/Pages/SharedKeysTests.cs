using System.Net;
using System.Xml.Linq;
using KamFlows.App.Security;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Pages;

/// <summary>
/// Data Protection keys live in Blob Storage, so what one app instance issues (the page cookie, an
/// antiforgery token) another accepts, and so does the same app after a restart: two app hosts on one
/// Azurite storage prefix, as two Functions instances share one storage account.
/// </summary>
public sealed class SharedKeysTests(Azurite azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_cookie_and_an_antiforgery_token_from_one_host_are_accepted_by_another_and_after_a_restart()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var cookies = new CookieContainer(); // one browser, whichever instance answers it
        var email = People.UniqueEmail("roaming");
        string tokenPage;
        await using (var first = new KamFlowsApp(azurite) { Prefix = prefix })
        await using (var second = new KamFlowsApp(azurite) { Prefix = prefix })
        {
            await People.CreateAsync(first.AdminClient(), email, "Director");
            var onFirst = new PageBrowser(first, cookies);
            var onSecond = new PageBrowser(second, cookies);

            // The sign-in form (and its antiforgery cookie) comes from the first; the second accepts it.
            var form = await onFirst.GetPageAsync("/dev/sign-in");
            var signIn = await onSecond.PostFormAsync("/dev/sign-in",
                [new("__RequestVerificationToken", PageBrowser.AntiforgeryToken(form)), new("ReturnUrl", "/app/"), new("Email", email)]);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

            // The cookie the second issued is read by the first.
            tokenPage = await onFirst.GetPageAsync("/app/");
            Assert.Contains(email, tokenPage, StringComparison.Ordinal);
        }

        // Both gone; a new instance reads the same cookie, and takes a token issued before the restart.
        await using var restarted = new KamFlowsApp(azurite) { Prefix = prefix };
        var afterRestart = new PageBrowser(restarted, cookies);
        Assert.Contains(email, await afterRestart.GetPageAsync("/app/"), StringComparison.Ordinal);
        var signOut = await afterRestart.SignOutAsync(tokenPage);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/app/signed-out", signOut.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_host_with_other_keys_cannot_read_the_cookie()
    {
        var cookies = new CookieContainer();
        await using var issuer = new KamFlowsApp(azurite);
        await new PageBrowser(issuer, cookies).SignInAsync(KamFlowsApp.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await new PageBrowser(issuer, cookies).GetAsync("/app/")).StatusCode);

        await using var stranger = new KamFlowsApp(azurite); // its own storage prefix, so its own keys
        var response = await new PageBrowser(stranger, cookies).GetAsync("/app/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode); // not signed in there: off to sign in
        Assert.Equal("/dev/sign-in", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Keys_written_at_once_by_several_instances_are_all_kept()
    {
        await using var app = new KamFlowsApp(azurite);
        var instances = Enumerable.Range(0, 4).Select(_ => new BlobKeyRepository(app.Storage)).ToList();
        var before = instances[0].GetAllElements().Select(e => (string?)e.Attribute("id")).ToHashSet();
        var ids = Enumerable.Range(0, 24).Select(_ => Guid.NewGuid().ToString()).ToList();
        // Two instances also store an element under the same friendly name at the same moment.
        var clash = Guid.NewGuid().ToString();

        await Task.WhenAll(ids.Select((id, i) => Task.Run(() => instances[i % instances.Count].StoreElement(Key(id), "key-" + id), Ct))
            .Append(Task.Run(() => instances[0].StoreElement(Key(clash + "-a"), "key-" + clash), Ct))
            .Append(Task.Run(() => instances[1].StoreElement(Key(clash + "-b"), "key-" + clash), Ct)));

        var stored = instances[3].GetAllElements().Select(e => (string?)e.Attribute("id")).Where(id => !before.Contains(id)).ToHashSet();
        Assert.Equal(ids.Append(clash + "-a").Append(clash + "-b").Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    private static XElement Key(string id) => new("key", new XAttribute("id", id), new XAttribute("version", 1));
}
