using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Accounts;

namespace KamFlows.App.Tests.Accounts;

public sealed class AccountsApiTests(KamFlowsApp app) : IClassFixture<KamFlowsApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_kam_creates_an_account_whose_approvers_default_from_the_business_unit()
    {
        var world = await AccountWorld.CreateAsync(app);

        var response = await world.As(world.KamA).PostAsJsonAsync("/api/accounts", world.AccountBody(world.KamA, "Hospital Alpha", world.CoKam), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var account = await app.ReadAsync<Account>(response);
        Assert.Equal($"/api/accounts/{account.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("12ABC34501DE35", account.TaxId);
        Assert.Equal(TaxIdScheme.Cnpj, account.TaxIdScheme);
        Assert.Equal(world.Director.Id, account.DirectorUserId);
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Null(account.Class);
        Assert.Equal([new RevenueEntry("2026-Q1", 1250000.50m, "BRL")], account.Revenue);

        var read = await world.As(world.CoKam).GetAsync($"/api/accounts/{account.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull(read.Headers.ETag);
        Assert.Equivalent(account, await app.ReadAsync<Account>(read), strict: true);
    }

    [Fact]
    public async Task Updates_need_if_match_and_a_stale_etag_is_412()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var etag = (await kam.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;
        var body = world.AccountBody(world.KamA, "Renamed");

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await kam.PutAsJsonAsync($"/api/accounts/{account.Id}", body, Ct)).StatusCode);
        using var first = AccountWorld.WithIfMatch(HttpMethod.Put, $"/api/accounts/{account.Id}", etag, body);
        var ok = await kam.SendAsync(first, Ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual(etag, ok.Headers.ETag!.Tag);
        using var stale = AccountWorld.WithIfMatch(HttpMethod.Put, $"/api/accounts/{account.Id}", etag, body);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await kam.SendAsync(stale, Ct)).StatusCode);
    }

    [Fact]
    public async Task Of_32_concurrent_updates_with_one_etag_exactly_one_wins_and_nothing_is_lost()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kam = world.As(world.KamA);
        var etag = (await kam.GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        using var start = new ManualResetEventSlim();
        var racers = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            start.Wait(Ct);
            using var put = AccountWorld.WithIfMatch(HttpMethod.Put, $"/api/accounts/{account.Id}", etag, world.AccountBody(world.KamA, $"Racer {i}"));
            var response = await kam.SendAsync(put, Ct);
            return (Name: $"Racer {i}", response.StatusCode);
        }, Ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(racers);

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(31, results.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = results.Single(r => r.StatusCode == HttpStatusCode.OK).Name;
        Assert.Equal(winner, (await app.ReadAsync<Account>(await kam.GetAsync($"/api/accounts/{account.Id}", Ct))).Name);
    }

    [Fact]
    public async Task A_kam_lists_his_teams_accounts_and_heads_and_directors_list_all()
    {
        var world = await AccountWorld.CreateAsync(app);
        var own = await world.AccountOfAsync(world.KamA);
        var coOwned = await world.AccountOfAsync(world.KamB, world.KamA);
        var others = await world.AccountOfAsync(world.KamB);

        var seenByA = await ListAllAsync(world.As(world.KamA), "/api/accounts?pageSize=1");
        Assert.Equal(new[] { own.Id, coOwned.Id }.Order(), seenByA.Order());

        var seenByHead = await ListAllAsync(world.As(world.Head), $"/api/accounts?pageSize=2&owner={world.KamB.Id}");
        Assert.Equal(new[] { coOwned.Id, others.Id }.Order(), seenByHead.Order());
        Assert.Superset(new[] { own.Id, coOwned.Id, others.Id }.ToHashSet(), (await ListAllAsync(world.As(world.Director), "/api/accounts")).ToHashSet());
    }

    [Fact]
    public async Task The_status_filter_lists_archived_accounts_apart()
    {
        var world = await AccountWorld.CreateAsync(app);
        var kam = world.As(world.KamA);
        var active = await world.AccountOfAsync(world.KamA);
        var archived = await world.AccountOfAsync(world.KamA);
        var etag = (await kam.GetAsync($"/api/accounts/{archived.Id}", Ct)).Headers.ETag!.Tag;
        using var archive = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{archived.Id}/archive", etag);
        var answer = await app.ReadAsync<Account>(await kam.SendAsync(archive, Ct));
        Assert.Equal(AccountStatus.Archived, answer.Status);
        Assert.Equal(app.Clock.GetUtcNow(), answer.ArchivedAt);

        Assert.Equal([active.Id], await ListAllAsync(kam, "/api/accounts?status=Active"));
        Assert.Equal([archived.Id], await ListAllAsync(kam, "/api/accounts?status=Archived"));
    }

    [Fact]
    public async Task A_stale_index_row_is_not_listed_and_is_repaired()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        // As if a crash had left KAM B's row of an account he was taken off.
        var index = app.Storage.Table(Storage.StorageLayout.AccountIndexTable);
        await index.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("team|" + world.KamB.Id, account.Id) { ["OwnerUserId"] = world.KamB.Id, ["Status"] = "Active" }, cancellationToken: Ct);

        Assert.Empty(await ListAllAsync(world.As(world.KamB), "/api/accounts"));
        Assert.False((await index.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("team|" + world.KamB.Id, account.Id, cancellationToken: Ct)).HasValue);
    }

    [Fact]
    public async Task A_kam_cannot_see_or_change_another_teams_account_which_is_404_and_a_director_only_reads()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var kamB = world.As(world.KamB);
        var etag = (await world.As(world.KamA).GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.NotFound, (await kamB.GetAsync($"/api/accounts/{account.Id}", Ct)).StatusCode);
        using var put = AccountWorld.WithIfMatch(HttpMethod.Put, $"/api/accounts/{account.Id}", etag, world.AccountBody(world.KamA));
        Assert.Equal(HttpStatusCode.NotFound, (await kamB.SendAsync(put, Ct)).StatusCode);
        using var archive = AccountWorld.WithIfMatch(HttpMethod.Post, $"/api/accounts/{account.Id}/archive", etag);
        Assert.Equal(HttpStatusCode.NotFound, (await kamB.SendAsync(archive, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kamB.GetAsync($"/api/accounts/{Guid.NewGuid():N}", Ct)).StatusCode);

        var director = world.As(world.Director);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync($"/api/accounts/{account.Id}", Ct)).StatusCode);
        using var directorPut = AccountWorld.WithIfMatch(HttpMethod.Put, $"/api/accounts/{account.Id}", etag, world.AccountBody(world.KamA));
        Assert.Equal(HttpStatusCode.Forbidden, (await director.SendAsync(directorPut, Ct)).StatusCode);

        using var headPut = AccountWorld.WithIfMatch(HttpMethod.Put, $"/api/accounts/{account.Id}", etag, world.AccountBody(world.KamA, "Changed by head"));
        Assert.Equal(HttpStatusCode.OK, (await world.As(world.Head).SendAsync(headPut, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_kam_creates_accounts_only_for_his_own_team()
    {
        var world = await AccountWorld.CreateAsync(app);

        var response = await world.As(world.KamA).PostAsJsonAsync("/api/accounts", world.AccountBody(world.KamB), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await ListAllAsync(world.As(world.KamB), "/api/accounts"));
    }

    [Fact]
    public async Task Bad_input_is_one_clear_problem_naming_every_field_and_nothing_is_stored()
    {
        var world = await AccountWorld.CreateAsync(app);
        var body = world.AccountBody(world.KamA, "Never stored");
        body["timeZone"] = "Mars/Olympus";
        body["country"] = "ES";
        body["stage"] = null;

        var fields = await ProblemFieldsAsync(await world.As(world.KamA).PostAsJsonAsync("/api/accounts", body, Ct));

        Assert.Superset(new HashSet<string> { "timezone", "country", "stage" }, fields);
        Assert.Empty(await ListAllAsync(world.As(world.KamA), "/api/accounts"));
    }

    /// <summary>Cross-field rules run once every field is right on its own (DataAnnotations' order), so they get their own request.</summary>
    [Fact]
    public async Task A_wrong_check_digit_a_foreign_region_and_bad_revenue_are_refused_by_name()
    {
        var world = await AccountWorld.CreateAsync(app);
        var body = world.AccountBody(world.KamA, "Never stored");
        body["taxId"] = "12.ABC.345/01DE-36";
        body["region"] = "PT-30";
        body["revenue"] = new object[]
        {
            new { period = "2026-Q1", amount = 1m, currency = "BRL" },
            new { period = "2026-Q1", amount = 2m, currency = "BRL" },
            new { period = "2026-Q5", amount = -1m, currency = "real" },
        };

        var fields = await ProblemFieldsAsync(await world.As(world.KamA).PostAsJsonAsync("/api/accounts", body, Ct));

        Assert.Superset(new HashSet<string> { "taxid", "region", "revenue", "revenue[2].period", "revenue[2].amount", "revenue[2].currency" }, fields);
        Assert.Empty(await ListAllAsync(world.As(world.KamA), "/api/accounts"));
    }

    private static async Task<HashSet<string>> ProblemFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return problem.GetProperty("errors").EnumerateObject().Select(p => p.Name.ToLowerInvariant()).ToHashSet();
    }

    [Fact]
    public async Task The_class_is_read_only_and_people_are_checked()
    {
        var world = await AccountWorld.CreateAsync(app);
        var withClass = world.AccountBody(world.KamA);
        withClass["class"] = "A";
        Assert.Equal(HttpStatusCode.BadRequest, (await world.As(world.KamA).PostAsJsonAsync("/api/accounts", withClass, Ct)).StatusCode);

        var wrongPeople = world.AccountBody(world.KamA, null, world.Director);
        wrongPeople["businessUnit"] = world.Unit;
        wrongPeople["directorUserId"] = world.KamB.Id;
        var response = await world.As(world.KamA).PostAsJsonAsync("/api/accounts", wrongPeople, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("coKamUserIds", out _));
        Assert.True(errors.TryGetProperty("directorUserId", out _));
        Assert.Empty(await ListAllAsync(world.As(world.KamA), "/api/accounts"));
    }

    [Fact]
    public async Task The_owner_changes_only_by_reassignment()
    {
        var world = await AccountWorld.CreateAsync(app);
        var account = await world.AccountOfAsync(world.KamA);
        var etag = (await world.As(world.Head).GetAsync($"/api/accounts/{account.Id}", Ct)).Headers.ETag!.Tag;

        using var put = AccountWorld.WithIfMatch(HttpMethod.Put, $"/api/accounts/{account.Id}", etag, world.AccountBody(world.KamB));
        var response = await world.As(world.Head).SendAsync(put, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reassign", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<List<string>> ListAllAsync(HttpClient client, string url)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            var page = await app.ReadAsync<JsonElement>(await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + (token is null ? "" : "continuationToken=" + Uri.EscapeDataString(token)), Ct));
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);

        return ids;
    }
}
