using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Contracts;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Contracts;

/// <summary>
/// Contracts over HTTP and their renewal to its end: signed off (a new contract, with its own renewal),
/// rejected (the KAM revises), not renewed, cancelled by deleting the contract. The contracts here
/// started long ago, so their renewal is open at the first sweep; the clock is not moved.
/// </summary>
public sealed class ContractRenewalTests(TasksApp app) : IClassFixture<TasksApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A contract whose renewal opened already (notice deadline 1 May 2026, opening 31 January: before the tests' clock), with its terms task given.</summary>
    private async Task<(ContractScenario Scenario, ContractView Stored)> OpenRenewalAsync()
    {
        var scenario = await ContractScenario.CreateAsync(app);
        var stored = await scenario.StoreAsync(ContractScenario.Body("C-" + Guid.NewGuid().ToString("N")[..6], "2025-06-01", "2026-05-31", notice: 30));
        await scenario.RunAsync();
        Assert.Equal("preparing-terms", (await scenario.ViewAsync(stored.Contract.Id)).RenewalStep);
        return (scenario, stored);
    }

    [Fact]
    public async Task Storing_the_same_contract_twice_stores_it_once_and_other_terms_under_its_reference_are_refused()
    {
        var scenario = await ContractScenario.CreateAsync(app);
        var body = ContractScenario.Body("C-ONCE", "2026-01-01", "2026-12-31");
        var first = await scenario.PostAsync(body);
        var second = await scenario.PostAsync(body);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var list = await app.ReadAsync<List<ContractView>>(await scenario.World.As(scenario.World.KamA).GetAsync(scenario.Base, Ct));
        Assert.Equal("C-ONCE", Assert.Single(list).Contract.Reference);

        var other = await scenario.PostAsync(ContractScenario.Body("C-ONCE", "2026-01-01", "2026-12-31", value: 1m));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Single(await app.ReadAsync<List<ContractView>>(await scenario.World.As(scenario.World.KamA).GetAsync(scenario.Base, Ct)));
    }

    [Fact]
    public async Task Bad_terms_are_a_validation_problem_and_store_nothing()
    {
        var scenario = await ContractScenario.CreateAsync(app);
        var endsFirst = await scenario.PostAsync(ContractScenario.Body("C-BAD", "2026-12-31", "2026-01-01"));
        var noticeTooLong = await scenario.PostAsync(ContractScenario.Body("C-BAD", "2026-01-01", "2026-03-01", notice: 90));
        var unknownDocument = await scenario.PostAsync(new
        {
            reference = "C-BAD",
            start = "2026-01-01",
            end = "2026-12-31",
            value = 10m,
            currency = "BRL",
            noticePeriodDays = 30,
            documentIds = new[] { "nope" },
        });

        foreach (var (response, field) in new[] { (endsFirst, "end"), (noticeTooLong, "noticePeriodDays"), (unknownDocument, "documentIds") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        }

        Assert.Empty(await app.ReadAsync<List<ContractView>>(await scenario.World.As(scenario.World.KamA).GetAsync(scenario.Base, Ct)));
    }

    [Fact]
    public async Task Signed_off_terms_renew_the_contract_into_a_new_one_whose_own_renewal_is_armed()
    {
        var (scenario, stored) = await OpenRenewalAsync();
        Assert.Equal(ContractRenewalDefinition.TermsTask, Assert.Single(await scenario.OpenTasksAsync()).Kind);

        var proposed = await scenario.ProposeAsync(stored.Contract.Id, "2026-06-01", "2027-05-31", 130000m, "Indexed to inflation");
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var retried = await scenario.ProposeAsync(stored.Contract.Id, "2026-06-01", "2027-05-31", 130000m, "Indexed to inflation");
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode); // the same proposal again: applied once
        Assert.Equal("awaiting-sign-off", (await scenario.ViewAsync(stored.Contract.Id)).RenewalStep);
        Assert.Single((await scenario.RenewalAsync(stored.Contract.Id)).Children);
        Assert.Empty(await scenario.OpenTasksAsync()); // the terms task is done

        await scenario.DecideAsync("Approve");

        var renewal = await scenario.RenewalAsync(stored.Contract.Id);
        Assert.Equal(ProcessStatus.Completed, renewal.Status);
        Assert.Equal(ContractRenewalDefinition.Outcomes.Renewed, renewal.Outcome);
        var contracts = await app.ReadAsync<List<ContractView>>(await scenario.World.As(scenario.World.KamA).GetAsync(scenario.Base, Ct));
        Assert.Equal(2, contracts.Count);
        var old = Assert.Single(contracts, c => c.Contract.Id == stored.Contract.Id);
        var renewed = Assert.Single(contracts, c => c.Contract.Id != stored.Contract.Id);
        Assert.Equal(ContractStatus.Renewed, old.Contract.Status);
        Assert.Equal(renewed.Contract.Id, old.Contract.RenewedByContractId);
        Assert.Equal(stored.Contract.Id, renewed.Contract.RenewsContractId);
        Assert.Equal(new ContractTerms(new DateOnly(2026, 6, 1), new DateOnly(2027, 5, 31), 130000m, "BRL", 30), renewed.Contract.Terms);
        Assert.Equal(scenario.World.Director.Id, renewed.Contract.CreatedByUserId);
        Assert.Equal("scheduled", renewed.RenewalStep);
        Assert.Equal("renewed", old.RenewalOutcome);

        var late = await scenario.ProposeAsync(stored.Contract.Id, "2026-06-01", "2027-05-31", 140000m);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Rejected_terms_go_back_to_the_KAM_with_a_revise_task_and_a_second_proposal_asks_again()
    {
        var (scenario, stored) = await OpenRenewalAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await scenario.ProposeAsync(stored.Contract.Id, "2026-06-01", "2027-05-31", 90000m)).StatusCode);

        await scenario.DecideAsync("Reject", "Below our floor price");

        Assert.Equal("preparing-terms", (await scenario.ViewAsync(stored.Contract.Id)).RenewalStep);
        Assert.Equal(ContractRenewalDefinition.ReviseTask, Assert.Single(await scenario.OpenTasksAsync()).Kind);
        var state = ContractRenewalDefinition.ReadState((await scenario.RenewalAsync(stored.Contract.Id)).StateJson);
        Assert.Equal("rejected", state.LastRefusal!.Outcome);
        Assert.Equal("Below our floor price", state.LastRefusal.Comment);
        Assert.Single(await app.ReadAsync<List<ContractView>>(await scenario.World.As(scenario.World.KamA).GetAsync(scenario.Base, Ct)));

        Assert.Equal(HttpStatusCode.Accepted, (await scenario.ProposeAsync(stored.Contract.Id, "2026-06-01", "2027-05-31", 110000m)).StatusCode);
        var again = await scenario.RenewalAsync(stored.Contract.Id);
        Assert.Equal("awaiting-sign-off", again.Step);
        Assert.Equal(2, again.Children.Count);
        Assert.Empty(await scenario.OpenTasksAsync());
    }

    [Fact]
    public async Task A_contract_the_KAM_does_not_renew_ends_its_renewal_and_closes_the_task()
    {
        var (scenario, stored) = await OpenRenewalAsync();
        var stranger = scenario.World.As(scenario.World.KamB);
        Assert.Equal(HttpStatusCode.NotFound,
            (await stranger.PostAsJsonAsync($"{scenario.Base}/{stored.Contract.Id}/renewal/end", new { reason = "x" }, Ct)).StatusCode);

        var ended = await scenario.World.As(scenario.World.KamA).PostAsJsonAsync(
            $"{scenario.Base}/{stored.Contract.Id}/renewal/end", new { reason = "The customer moves to a tender" }, Ct);

        Assert.Equal(HttpStatusCode.Accepted, ended.StatusCode);
        var view = await scenario.ViewAsync(stored.Contract.Id);
        Assert.Equal("ended", view.RenewalStep);
        Assert.Equal(ContractRenewalDefinition.Outcomes.Ended, view.RenewalOutcome);
        Assert.Empty(await scenario.OpenTasksAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.ProposeAsync(stored.Contract.Id, "2026-06-01", "2027-05-31", 1m)).StatusCode);
    }

    [Fact]
    public async Task Deleting_a_contract_cancels_its_renewal_and_withdraws_the_sign_off()
    {
        var (scenario, stored) = await OpenRenewalAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await scenario.ProposeAsync(stored.Contract.Id, "2026-06-01", "2027-05-31", 100000m)).StatusCode);
        var signOff = Assert.Single((await scenario.RenewalAsync(stored.Contract.Id)).Children);

        var deleted = await scenario.World.As(scenario.World.KamA).DeleteAsync($"{scenario.Base}/{stored.Contract.Id}", Ct);
        var again = await scenario.World.As(scenario.World.KamA).DeleteAsync($"{scenario.Base}/{stored.Contract.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        await scenario.RunAsync();
        var view = await scenario.ViewAsync(stored.Contract.Id);
        Assert.Equal(ContractStatus.Deleted, view.Contract.Status);
        Assert.Equal(ContractRenewalDefinition.Outcomes.Cancelled, view.RenewalOutcome);
        var child = (await app.Services.GetRequiredService<InstanceStore>().LoadAsync(signOff, Ct))!.Instance;
        Assert.Equal("withdrawn", child.Outcome);
        Assert.Empty(await scenario.OpenTasksAsync());
    }
}
