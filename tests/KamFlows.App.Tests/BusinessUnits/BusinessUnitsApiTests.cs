using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.BusinessUnits;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.BusinessUnits;

public sealed class BusinessUnitsApiTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Head, string Director, string Alternate)> PeopleAsync()
    {
        var admin = app.AdminClient();
        var head = await People.CreateAsync(admin, People.UniqueEmail("head"), "HeadOfKam");
        var director = await People.CreateAsync(admin, People.UniqueEmail("director"), "Director");
        var alternate = await People.CreateAsync(admin, People.UniqueEmail("alternate"), "Director");
        return (head.Id, director.Id, alternate.Id);
    }

    private static Dictionary<string, object?> Body(string code, string head, string director, string? alternate) => new()
    {
        ["code"] = code,
        ["name"] = "Unit " + code,
        ["country"] = "BR",
        ["headOfKamUserId"] = head,
        ["directorUserId"] = director,
        ["alternateDirectorUserId"] = alternate,
    };

    private static string Code() => "BU-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    [Fact]
    public async Task An_administrator_creates_a_unit_everyone_reads_it_and_a_kam_joins_it()
    {
        var (head, director, alternate) = await PeopleAsync();
        var code = Code();

        var created = await app.AdminClient().PostAsJsonAsync("/api/business-units", Body(code, head, director, alternate), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var kamEmail = People.UniqueEmail("kam");
        var kam = await app.AdminClient().PostAsJsonAsync("/api/users", People.UserBody(kamEmail, ["Kam"], code), Ct);
        Assert.Equal(HttpStatusCode.Created, kam.StatusCode);
        var unit = await app.ReadAsync<BusinessUnit>(await app.ClientFor(kamEmail).GetAsync($"/api/business-units/{code}", Ct));
        Assert.Equal(director, unit.DirectorUserId);
    }

    [Fact]
    public async Task A_user_in_a_unit_that_does_not_exist_is_refused()
    {
        var response = await app.AdminClient().PostAsJsonAsync("/api/users", People.UserBody(People.UniqueEmail("orphan"), ["Kam"], "NO-SUCH-UNIT"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("businessUnit", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_head_and_directors_must_be_active_people_with_those_roles()
    {
        var (head, director, _) = await PeopleAsync();

        var swapped = await app.AdminClient().PostAsJsonAsync("/api/business-units", Body(Code(), director, head, null), Ct);
        var unknown = await app.AdminClient().PostAsJsonAsync("/api/business-units", Body(Code(), head, "no-such-user", null), Ct);
        var same = await app.AdminClient().PostAsJsonAsync("/api/business-units", Body(Code(), head, director, director), Ct);

        foreach (var response in new[] { swapped, unknown, same })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var errors = (await swapped.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("headOfKamUserId", out _));
        Assert.True(errors.TryGetProperty("directorUserId", out _));
    }

    [Fact]
    public async Task Only_administrators_change_units()
    {
        var (head, director, _) = await PeopleAsync();
        var kamEmail = People.UniqueEmail("kam");
        await People.CreateAsync(app.AdminClient(), kamEmail, "Kam", "HeadOfKam", "Director");

        var response = await app.ClientFor(kamEmail).PostAsJsonAsync("/api/business-units", Body(Code(), head, director, null), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_unit_is_changed_with_if_match_and_its_code_cannot_change()
    {
        var (head, director, alternate) = await PeopleAsync();
        var code = Code();
        var admin = app.AdminClient();
        await admin.PostAsJsonAsync("/api/business-units", Body(code, head, director, null), Ct);
        var etag = (await admin.GetAsync($"/api/business-units/{code}", Ct)).Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await admin.PutAsJsonAsync($"/api/business-units/{code}", Body(code, head, director, alternate), Ct)).StatusCode);

        using var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/business-units/{code}") { Content = JsonContent.Create(Body(Code(), head, director, alternate)) };
        rename.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendAsync(rename, Ct)).StatusCode);

        using var change = new HttpRequestMessage(HttpMethod.Put, $"/api/business-units/{code}") { Content = JsonContent.Create(Body(code, head, director, alternate)) };
        change.Headers.TryAddWithoutValidation("If-Match", etag);
        var changed = await admin.SendAsync(change, Ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(alternate, (await app.ReadAsync<BusinessUnit>(changed)).AlternateDirectorUserId);
    }

    [Fact]
    public async Task The_head_of_a_unit_cannot_be_deactivated_until_replaced()
    {
        var (head, director, _) = await PeopleAsync();
        var code = Code();
        await app.AdminClient().PostAsJsonAsync("/api/business-units", Body(code, head, director, null), Ct);

        var refused = await app.AdminClient().PostAsync($"/api/users/{head}/deactivate", null, Ct);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(code, await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
