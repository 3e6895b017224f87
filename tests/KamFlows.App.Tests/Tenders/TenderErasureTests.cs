using System.Net;
using System.Net.Http.Json;
using KamFlows.App.Features.Contacts;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Accounts;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Tenders;

namespace KamFlows.App.Tests.Tenders;

/// <summary>
/// Erasure reaches a tender's buying group: a contact carrying a unique marker is found stale by a
/// tender's coverage check (the tender shows them by name), then erased: no row or blob of this
/// test's storage holds the marker any more, and the tender names them "[erased]", by id still.
/// </summary>
public sealed class TenderErasureTests(Azurite azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_erased_contact_of_a_tenders_buying_group_leaves_no_trace_and_the_tender_keeps_them_by_id()
    {
        await using var app = new TasksApp(azurite);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero)); // two months out: the coverage check runs at once
        var s = await TenderScenario.CreateAsync(app);
        var marker = "Zq" + Guid.NewGuid().ToString("N")[..10];
        var contact = await app.ReadAsync<Contact>(await s.KamClient.PostAsJsonAsync($"/api/accounts/{s.Account.Id}/contacts", new
        {
            name = $"Ana {marker}",
            jobTitle = $"Head of Procurement {marker}",
            email = $"{marker}@customer.test",
            language = "pt-BR",
            role = "DecisionMaker",
            influence = 5,
            attitude = "Supporter",
            lastInteractionOn = "2026-01-10",
        }, Ct));
        var tender = await s.RegisterAsync(new DateOnly(2026, 12, 15));
        await s.DecideAsync(TenderScenario.ApprovalOf(tender.Id, "bid"), s.World.Head, Verdict.Approve);

        var gap = (await s.GetAsync(tender.Id)).CoverageChecks.Single(c => c.Check == "t-3").Gaps.Single(g => g.Kind == CoverageGapKind.StaleContact);
        Assert.Equal((contact.Id, $"Ana {marker}"), (gap.ContactId, gap.ContactName));
        var hits = await StorageSearch.HitsAsync(app, marker);
        Assert.NotEmpty(hits);
        Assert.DoesNotContain(hits, h => h.Contains("processes", StringComparison.Ordinal) || h.Contains("tenders", StringComparison.Ordinal) || h.Contains("tasks", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await app.AdminClient().PostAsync($"/api/accounts/{s.Account.Id}/contacts/{contact.Id}/erase", null, Ct)).StatusCode);

        Assert.Empty(await StorageSearch.HitsAsync(app, marker));
        var after = (await s.GetAsync(tender.Id)).CoverageChecks.Single(c => c.Check == "t-3").Gaps.Single(g => g.Kind == CoverageGapKind.StaleContact);
        Assert.Equal((contact.Id, Erased.Marker), (after.ContactId, after.ContactName));
        var task = Assert.Single(await s.OpenTasksAsync(tender.ProcessId), t => t.Kind == "tender-coverage-stale-contact");
        Assert.Contains(contact.Id, task.Title, StringComparison.Ordinal);
    }
}
