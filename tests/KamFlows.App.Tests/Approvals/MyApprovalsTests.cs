using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.App.Engine;
using KamFlows.Domain.Processes;
using static KamFlows.App.Tests.Approvals.ApprovalScenario;

namespace KamFlows.App.Tests.Approvals;

/// <summary>What waits on me, and deciding several requests at once, each recorded on its own.</summary>
public sealed class MyApprovalsTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> ListAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/me/approvals", Ct)).GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task My_approvals_list_what_waits_on_me_and_on_whose_behalf()
    {
        var people = await PeopleAsync(app);
        var stand = await app.UserAsync("stand-in", "America/Sao_Paulo", role: "Director");
        var mine = await StartAsync(app, people, Title("Mine"));
        var now = app.Clock.GetUtcNow();
        (await app.ClientFor(people.Director.Email).PutAsJsonAsync("/api/me/delegation",
            new { delegateUserId = stand.Id, from = now, until = now.AddDays(3) }, Ct)).EnsureSuccessStatusCode();

        var directorList = await ListAsync(app.ClientFor(people.Director.Email));
        var delegateList = await ListAsync(app.ClientFor(stand.Email));

        var asDirector = Assert.Single(directorList, i => i.GetProperty("processId").GetString() == mine);
        Assert.Equal(JsonValueKind.Null, asDirector.GetProperty("onBehalfOf").ValueKind);
        Assert.Equal(people.Kam.Id, asDirector.GetProperty("requesterUserId").GetString());
        Assert.Equal("awaiting-decision", asDirector.GetProperty("step").GetString());
        var asDelegate = Assert.Single(delegateList, i => i.GetProperty("processId").GetString() == mine);
        Assert.Equal(people.Director.Id, asDelegate.GetProperty("onBehalfOf").GetString());
        Assert.Empty(await ListAsync(app.ClientFor(people.Kam.Email)));
    }

    [Fact]
    public async Task Several_decisions_at_once_are_applied_one_by_one_and_a_retried_batch_changes_nothing()
    {
        var people = await PeopleAsync(app);
        var approve = await StartAsync(app, people, Title("Approve"));
        var reject = await StartAsync(app, people, Title("Reject"));
        var other = await StartAsync(app, people with { Director = people.Alternate, Alternate = people.Director }, Title("Not mine"));
        var batch = new
        {
            items = new object[]
            {
                new { processId = approve, inputId = "a1", decision = new { verdict = "Approve" } },
                new { processId = reject, inputId = "r1", decision = new { verdict = "Reject" } }, // no comment: invalid
                new { processId = other, inputId = "o1", decision = new { verdict = "Approve" } }, // not escalated to me
                new { processId = "no-such-process", inputId = "n1", decision = new { verdict = "Approve" } },
            },
        };
        var client = app.ClientFor(people.Director.Email);

        var first = await app.ReadAsync<JsonElement>(await client.PostAsJsonAsync("/api/me/approvals/decisions", batch, Ct));
        var again = await app.ReadAsync<JsonElement>(await client.PostAsJsonAsync("/api/me/approvals/decisions", batch, Ct));

        string[] Outcomes(JsonElement answer) => [.. answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("outcome").GetString()!)];
        Assert.Equal(["applied", "invalid", "stale", "not-found"], Outcomes(first));
        Assert.Equal(["duplicate", "invalid", "duplicate", "not-found"], Outcomes(again)); // a stale input is recorded too
        Assert.True(first.GetProperty("items")[1].GetProperty("errors").TryGetProperty(ApprovalDecisionRules.CommentField, out _));
        Assert.Equal(ProcessStatus.Completed, (await InstanceAsync(app, approve)).Status);
        Assert.Equal(people.Director.Id, ApprovalRequestDefinition.ReadState((await InstanceAsync(app, approve)).StateJson).Result!.DecidedBy);
        Assert.Equal(ProcessStatus.Running, (await InstanceAsync(app, reject)).Status);
        Assert.Equal(ProcessStatus.Running, (await InstanceAsync(app, other)).Status);

        var byKam = await app.ReadAsync<JsonElement>(await app.ClientFor(people.Kam.Email).PostAsJsonAsync("/api/me/approvals/decisions",
            new { items = new[] { new { processId = reject, inputId = "k1", decision = new { verdict = "Approve" } } } }, Ct));
        Assert.Equal(["not-allowed"], Outcomes(byKam));
    }

    [Fact]
    public async Task An_empty_batch_is_a_validation_problem()
    {
        var people = await PeopleAsync(app);
        var response = await app.ClientFor(people.Director.Email).PostAsJsonAsync("/api/me/approvals/decisions", new { items = Array.Empty<object>() }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
