using System.Net.Http.Json;
using KamFlows.App.Features.Accounts;
using KamFlows.App.Features.Users;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Accounts;

/// <summary>
/// The people an account test needs, created through the API: a business unit with its head of KAM
/// and director, two KAMs (A and B) and a co-KAM.
/// </summary>
internal sealed record AccountWorld(KamFlowsApp App, string Unit, User Head, User Director, User KamA, User KamB, User CoKam)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<AccountWorld> CreateAsync(KamFlowsApp app)
    {
        var admin = app.AdminClient();
        var head = await People.CreateAsync(admin, People.UniqueEmail("head"), "HeadOfKam");
        var director = await People.CreateAsync(admin, People.UniqueEmail("dir"), "Director");
        var kamA = await People.CreateAsync(admin, People.UniqueEmail("kama"), "Kam");
        var kamB = await People.CreateAsync(admin, People.UniqueEmail("kamb"), "Kam");
        var coKam = await People.CreateAsync(admin, People.UniqueEmail("cokam"), "Kam");
        var unit = "U" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var created = await admin.PostAsJsonAsync("/api/business-units", new
        {
            code = unit,
            name = "Pharma Brazil",
            country = "BR",
            headOfKamUserId = head.Id,
            directorUserId = director.Id,
        }, Ct);
        created.EnsureSuccessStatusCode();
        return new AccountWorld(app, unit, head, director, kamA, kamB, coKam);
    }

    public HttpClient As(User user) => App.ClientFor(user.Email);

    public Dictionary<string, object?> AccountBody(User owner, string? name = null, params User[] coKams) => new()
    {
        ["name"] = name ?? "Hospital " + Guid.NewGuid().ToString("N")[..6],
        ["taxId"] = "12.ABC.345/01DE-35",
        ["country"] = "BR",
        ["region"] = "BR-SP",
        ["timeZone"] = "America/Sao_Paulo",
        ["businessUnit"] = Unit,
        ["segment"] = "Hospitals",
        ["ownerUserId"] = owner.Id,
        ["coKamUserIds"] = coKams.Select(c => c.Id).ToArray(),
        ["stage"] = "Mid",
        ["revenue"] = new[] { new { period = "2026-Q1", amount = 1250000.50m, currency = "BRL" } },
    };

    /// <summary>An account owned by <paramref name="owner"/>, created by them.</summary>
    public async Task<Account> AccountOfAsync(User owner, params User[] coKams)
    {
        var response = await As(owner).PostAsJsonAsync("/api/accounts", AccountBody(owner, null, coKams), Ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating an account answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await App.ReadAsync<Account>(response);
    }

    public static object ContactBody(string name = "Ana Souza") => new
    {
        name,
        jobTitle = "Head of Procurement",
        email = "ana.souza@customer.test",
        phone = "+55 11 3000-0000",
        language = "pt-BR",
        role = "DecisionMaker",
        influence = 5,
        attitude = "Supporter",
        lastInteractionOn = "2026-02-20",
    };

    /// <summary>Sends <paramref name="request"/> with an If-Match header.</summary>
    public static HttpRequestMessage WithIfMatch(HttpMethod method, string url, string etag, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
