using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Organisation;

namespace KamFlows.App.Tests.Users;

public sealed class UsersApiTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_creates_a_user_who_then_signs_in_with_their_roles()
    {
        var email = People.UniqueEmail("kam");
        var response = await app.AdminClient().PostAsJsonAsync("/api/users", People.UserBody(email, ["Kam"]), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var created = await app.ReadAsync<User>(response);
        Assert.Equal($"/api/users/{created.Id}", response.Headers.Location?.OriginalString);

        var me = await app.ReadAsync<JsonElement>(await app.ClientFor(email).GetAsync("/api/me", Ct));
        Assert.Equal(created.Id, me.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(["Kam"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Every_wrong_field_is_named_in_one_validation_problem_and_nothing_is_stored()
    {
        var email = People.UniqueEmail("bad");
        var body = People.UserBody(email, []);
        body["email"] = email; // valid
        body["country"] = "ES";
        body["timeZone"] = "Mars/Olympus";
        body["language"] = "de";
        body["discountLimitPercent"] = 150;
        body["displayName"] = "";

        var response = await app.AdminClient().PostAsJsonAsync("/api/users", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToHashSet();
        Assert.Superset(new HashSet<string> { "roles", "country", "timezone", "language", "discountlimitpercent", "displayname" }, fields);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(email).GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_region_of_another_country_is_refused()
    {
        var body = People.UserBody(People.UniqueEmail("region"), ["Kam"]);
        body["region"] = "PT-30";

        var response = await app.AdminClient().PostAsJsonAsync("/api/users", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), p => p.Name.Equals("region", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_is_409()
    {
        var email = People.UniqueEmail("twice");
        await People.CreateAsync(app.AdminClient(), email, "Kam");

        var response = await app.AdminClient().PostAsJsonAsync("/api/users", People.UserBody(email.ToUpperInvariant(), ["Director"]), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Updates_need_if_match_and_a_stale_etag_is_412()
    {
        var admin = app.AdminClient();
        var user = await People.CreateAsync(admin, People.UniqueEmail("upd"), "Kam");
        var read = await admin.GetAsync($"/api/users/{user.Id}", Ct);
        var etag = read.Headers.ETag!.Tag;
        var body = People.UserBody(user.Email, ["Kam", "HeadOfKam"]);

        var without = await admin.PutAsJsonAsync($"/api/users/{user.Id}", body, Ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, without.StatusCode);

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{user.Id}") { Content = JsonContent.Create(body) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        var ok = await admin.SendAsync(first, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal([Role.Kam, Role.HeadOfKam], (await app.ReadAsync<User>(ok)).Roles);

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{user.Id}") { Content = JsonContent.Create(body) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale, Ct)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_email_moves_sign_in_to_the_new_email()
    {
        var admin = app.AdminClient();
        var user = await People.CreateAsync(admin, People.UniqueEmail("old"), "Kam");
        var etag = (await admin.GetAsync($"/api/users/{user.Id}", Ct)).Headers.ETag!.Tag;
        var newEmail = People.UniqueEmail("new");

        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{user.Id}") { Content = JsonContent.Create(People.UserBody(newEmail, ["Kam"])) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(put, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(user.Email).GetAsync("/api/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(newEmail).GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_user_loses_access_at_once_and_regains_it_when_activated()
    {
        var admin = app.AdminClient();
        var email = People.UniqueEmail("leaver");
        var user = await People.CreateAsync(admin, email, "Kam");
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(email).GetAsync("/api/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{user.Id}/deactivate", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(email).GetAsync("/api/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{user.Id}/activate", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(email).GetAsync("/api/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_manage_users_and_heads_of_kam_may_read_them()
    {
        var admin = app.AdminClient();
        var kamEmail = People.UniqueEmail("kam");
        var headEmail = People.UniqueEmail("head");
        var directorEmail = People.UniqueEmail("dir");
        var kam = await People.CreateAsync(admin, kamEmail, "Kam");
        await People.CreateAsync(admin, headEmail, "HeadOfKam");
        await People.CreateAsync(admin, directorEmail, "Director");

        foreach (var email in new[] { kamEmail, headEmail, directorEmail })
        {
            var client = app.ClientFor(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/users", People.UserBody(People.UniqueEmail("x"), ["Kam"]), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/users/{kam.Id}/deactivate", null, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(kamEmail).GetAsync("/api/users", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ClientFor(directorEmail).GetAsync($"/api/users/{kam.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientFor(headEmail).GetAsync($"/api/users/{kam.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_user_list_pages_through_everyone_with_continuation_tokens()
    {
        var admin = app.AdminClient();
        var created = new HashSet<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await People.CreateAsync(admin, People.UniqueEmail("page"), "Kam")).Id);
        }

        var seen = new HashSet<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = "/api/users?pageSize=3" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            var page = await app.ReadAsync<JsonElement>(await admin.GetAsync(url, Ct));
            foreach (var u in page.GetProperty("items").EnumerateArray())
            {
                Assert.True(seen.Add(u.GetProperty("id").GetString()!), "a user was listed twice");
            }

            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null);

        Assert.True(created.IsSubsetOf(seen), $"listed {seen.Count} in {pages} pages; missing {string.Join(",", created.Except(seen))}");
        Assert.True(pages >= 3);
    }
}
