using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Features.Tenders;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Tenders;

namespace KamFlows.App.Tests.Tenders;

/// <summary>Registering a tender over the API: the bid/no-bid request, idempotency by key, and bad input that changes nothing.</summary>
public sealed class TenderRegistrationTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly December = new(2026, 12, 15);

    [Fact]
    public async Task A_registered_tender_asks_the_head_of_KAM_bid_or_no_bid_and_the_bid_opens_the_needs_milestone()
    {
        var s = await TenderScenario.CreateAsync(app);

        var response = await s.PostAsync(s.Body(December, "PNCP-2026-0042"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var tender = await app.ReadAsync<TenderView>(response);
        Assert.Equal($"/api/tenders/{tender.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("bid-decision", TenderPhase.BidDecision, December, 2), (tender.Step, tender.Status, tender.TenderDate, tender.DefinitionVersion));
        Assert.Empty(tender.Warnings);
        var bid = await s.InstanceAsync(TenderScenario.ApprovalOf(tender.Id, "bid"));
        Assert.Equal([s.World.Head.Id], bid.Parties[ApprovalRequestDefinition.Approver]);
        Assert.Equal([s.World.Director.Id], bid.Parties[ApprovalRequestDefinition.Alternate]);
        Assert.Equal(tender.ProcessId, bid.ParentId);

        Assert.Equal(KamFlows.App.Engine.SendOutcome.Applied, await s.DecideAsync(bid.Id, s.World.Head, Verdict.Approve));
        var bidding = await s.GetAsync(tender.Id);
        Assert.Equal(("needs", TenderPhase.Preparing), (bidding.Step, bidding.Status));
        Assert.Equal(["tender-needs-customer-needs", "tender-needs-key-success-factors"], (await s.OpenTasksAsync(tender.ProcessId)).Select(t => t.Kind).Order());
        Assert.Equal("needs", bidding.NextMilestone!.Milestone);
    }

    [Fact]
    public async Task The_same_key_registers_once_and_another_tender_under_it_is_a_conflict()
    {
        var s = await TenderScenario.CreateAsync(app);
        var key = Guid.NewGuid().ToString("N");
        var body = s.Body(December);

        var first = await s.PostAsync(body, key);
        var again = await s.PostAsync(body, key);
        var other = await s.PostAsync(s.Body(December, "OTHER-1"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await app.ReadAsync<TenderView>(first)).Id, (await app.ReadAsync<TenderView>(again)).Id);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field_and_stores_nothing()
    {
        var s = await TenderScenario.CreateAsync(app);
        var before = await StorageSnapshot.TakeAsync(app.Storage, Ct);

        var noKey = await s.KamClient.PostAsJsonAsync("/api/tenders", s.Body(December), Ct);
        var past = s.Body(new DateOnly(2026, 3, 1));
        var tooFar = s.Body(new DateOnly(2030, 1, 1));
        var bad = s.Body(December, documentIds: ["no-such-document"]);
        bad["currency"] = "reais";
        bad["lots"] = new[] { " " };
        bad["bidCriteria"] = new { strategicFit = 9, estimatedMarginPercent = 18.5m, buyingGroupCoverage = 3, competitors = "Rival SA", capacity = 4 };

        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Contains("Idempotency-Key", await noKey.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await AssertFieldsAsync(await s.PostAsync(past), "expectedTenderDate");
        await AssertFieldsAsync(await s.PostAsync(tooFar), "expectedTenderDate");
        await AssertFieldsAsync(await s.PostAsync(bad), "Currency", "BidCriteria.StrategicFit");
        var unknown = s.Body(December, documentIds: ["no-such-document"]);
        unknown["lots"] = new[] { " " };
        await AssertFieldsAsync(await s.PostAsync(unknown), "lots[0]", "documentIds[no-such-document]");
        var stranger = s.World.As(s.World.KamB);
        Assert.Equal(HttpStatusCode.BadRequest, (await s.PostAsync(s.Body(December), client: stranger)).StatusCode); // not their account: as if it did not exist
        Assert.Equal(before, await StorageSnapshot.TakeAsync(app.Storage, Ct));
    }

    [Fact]
    public async Task A_tender_of_another_KAMs_account_is_not_found_for_them()
    {
        var s = await TenderScenario.CreateAsync(app);
        var tender = await s.RegisterAsync(December);

        var stranger = s.World.As(s.World.KamB);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/tenders/{tender.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/tenders/{tender.Id}/cancel", new { reason = "mine now" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.World.As(s.World.Director).GetAsync($"/api/tenders/{tender.Id}", Ct)).StatusCode);
    }

    private static async Task AssertFieldsAsync(HttpResponseMessage response, params string[] fields)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.EnumerateObject().Any(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase)), $"no error for {field}: {errors}");
        }
    }
}
