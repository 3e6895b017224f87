using System.Net.Http.Json;
using KamFlows.App.Features.Users;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>Creates people through the API, as an administrator would.</summary>
internal static class People
{
    public static Dictionary<string, object?> UserBody(string email, string[] roles, string? businessUnit = null) => new()
    {
        ["email"] = email,
        ["displayName"] = "Test " + email.Split('@')[0],
        ["roles"] = roles,
        ["country"] = "BR",
        ["region"] = "BR-SP",
        ["timeZone"] = "America/Sao_Paulo",
        ["language"] = "pt-BR",
        ["businessUnit"] = businessUnit,
        ["discountLimitPercent"] = 5,
    };

    public static string UniqueEmail(string who) => $"{who}-{Guid.NewGuid():N}@kamflows.test";

    public static async Task<User> CreateAsync(HttpClient admin, string email, params string[] roles)
    {
        var response = await admin.PostAsJsonAsync("/api/users", UserBody(email, roles), TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<User>(KamFlowsApp.Json, TestContext.Current.CancellationToken))!;
    }
}
