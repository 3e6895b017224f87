using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Tasks;
using KamFlows.Domain.Approvals;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tenders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KamFlows.App.Tests.Tenders;

/// <summary>
/// A whole tender from nine and a half months out, on Azurite with the fake clock jumping from one
/// due time of the tender to the next (never ticking through the months): every milestone opens
/// once, in order, at 09:00 in São Paulo on the business day its date falls on or before; the KAM
/// does each checklist, the director signs off, the bid is submitted and won. Then the same run with
/// the app restarted midway and a second version of the definition registered: the tender stays on
/// the version that started it.
/// </summary>
public sealed class TenderNineMonthTests(Azurite azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly December = new(2026, 12, 15);

    /// <summary>When each milestone opens: registration day for the first, then 09:00 (12:00 UTC) of the business day of the one before it.</summary>
    private static readonly DateTimeOffset[] Openings =
    [
        new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero),   // the bid is decided on registration day
        new(2026, 3, 13, 12, 0, 0, TimeSpan.Zero),  // needs due Sun 15 March: Friday 13
        new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero),  // buying group due Mon 15 June
        new(2026, 9, 15, 12, 0, 0, TimeSpan.Zero),  // bid draft due Tue 15 September
        new(2026, 11, 13, 12, 0, 0, TimeSpan.Zero), // sign-off due Sun 15 November (a holiday too): Friday 13
        new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero),  // final documents due Tue 8 December
    ];

    [Fact]
    public async Task Every_milestone_fires_once_and_in_order_from_nine_months_out_to_a_won_contract()
    {
        await using var app = new TasksApp(azurite);
        var s = await TenderScenario.CreateAsync(app);
        var tender = await s.RegisterAsync(December);
        Assert.Equal(2, tender.DefinitionVersion);
        await s.DecideAsync(TenderScenario.ApprovalOf(tender.Id, "bid"), s.World.Head, Verdict.Approve);

        var jumps = await RunToSubmissionAsync(s, tender.Id, tender.ProcessId);

        await AssertEveryMilestoneOpenedOnceInOrderAsync(s, tender.ProcessId, jumps);
        Assert.Contains(await s.OpenTasksAsync(tender.ProcessId), t => t.Kind == "tender-record-outcome"); // version 2's own step
        var won = await s.App.ReadAsync<Features.Tenders.TenderView>(await s.KamClient.PostAsync(
            $"/api/tenders/{tender.Id}/outcome", System.Net.Http.Json.JsonContent.Create(new { result = "Won" }), Ct));
        Assert.Equal(TenderPhase.Won, won.Status);
        Assert.Equal(
            ["tender-contract-kickoff", "tender-escort", "tender-escort", "tender-escort", "tender-recommendation-letter"],
            (await s.OpenTasksAsync(tender.ProcessId)).Where(t => t.Kind is not ("tender-record-outcome" or "tender-coverage-stale-contact" or "tender-coverage-missing-influencer" or "tender-coverage-missing-decision-maker"))
                .OrderBy(t => t.DueAt).ThenBy(t => t.Kind, StringComparer.Ordinal).Select(t => t.Kind)); // the last escort and the letter share a due time
        Assert.Equal("completed", (await s.InstanceAsync(tender.ProcessId)).Status.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task Restarted_midway_with_a_second_version_registered_the_tender_stays_on_its_first_version()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        TenderScenario s;
        Features.Tenders.TenderView tender;
        var before = new List<DateTimeOffset>();
        var first = new TasksApp(azurite) { Prefix = prefix, ExtraServices = OnlyVersionOne };
        await using (first)
        {
            s = await TenderScenario.CreateAsync(first);
            tender = await s.RegisterAsync(December);
            Assert.Equal(1, tender.DefinitionVersion);
            await s.DecideAsync(TenderScenario.ApprovalOf(tender.Id, "bid"), s.World.Head, Verdict.Approve);
            before.AddRange(await RunToSubmissionAsync(s, tender.Id, tender.ProcessId, stopAfter: new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        }

        await using var second = new TasksApp(azurite) { Prefix = prefix };
        second.Clock.SetUtcNow(before[^1]);
        Assert.Contains(second.Services.GetServices<IProcessDefinition>(), d => d is TenderPreparationDefinition { Version: 2 });
        s = new TenderScenario(second, s.World with { App = second }, s.Account);
        var after = await RunToSubmissionAsync(s, tender.Id, tender.ProcessId);

        await AssertEveryMilestoneOpenedOnceInOrderAsync(s, tender.ProcessId, [.. before, .. after]);
        Assert.Equal(1, (await s.InstanceAsync(tender.ProcessId)).Version);
        Assert.DoesNotContain(await s.OpenTasksAsync(tender.ProcessId), t => t.Kind == "tender-record-outcome"); // version 1 has no such step
        Assert.Equal(2, (await s.RegisterAsync(new DateOnly(2027, 12, 15))).DefinitionVersion); // a new tender starts on the latest
    }

    /// <summary>The first app knows version 1 only, as before a deployment that added version 2.</summary>
    private static void OnlyVersionOne(IServiceCollection services)
    {
        foreach (var v2 in services.Where(d => d.ServiceType == typeof(IProcessDefinition) && d.ImplementationInstance is TenderPreparationDefinition { Version: 2 }).ToList())
        {
            services.Remove(v2);
        }
    }

    /// <summary>Does each open checklist, signs the bid off, and jumps to the tender's next wake-up, until the bid is submitted (or <paramref name="stopAfter"/>). Returns the times jumped to.</summary>
    private static async Task<List<DateTimeOffset>> RunToSubmissionAsync(TenderScenario s, string tenderId, string processId, DateTimeOffset? stopAfter = null)
    {
        var jumps = new List<DateTimeOffset>();
        while (true)
        {
            await s.CompleteChecklistTasksAsync(processId);
            var state = await s.StateAsync(processId);
            if (state.SignOffPending)
            {
                await s.DecideAsync(TenderScenario.ApprovalOf(tenderId, $"sign-off|{state.SignOffRound}"), s.World.Director, Verdict.Approve);
            }

            if ((await s.StateAsync(processId)).Phase == TenderPhase.AwaitingOutcome || (stopAfter is { } stop && jumps.Count > 0 && jumps[^1] >= stop))
            {
                return jumps;
            }

            var next = await s.NextWakeUpAsync(processId);
            Assert.NotNull(next);
            Assert.True(jumps.Count < 12, $"too many jumps: {string.Join(", ", jumps)}");
            await s.RunUntilAsync(next.DueAt);
            jumps.Add(next.DueAt);
        }
    }

    private static async Task AssertEveryMilestoneOpenedOnceInOrderAsync(TenderScenario s, string processId, IReadOnlyList<DateTimeOffset> jumps)
    {
        var state = await s.StateAsync(processId);
        Assert.Equal(TenderPhase.AwaitingOutcome, state.Phase);
        Assert.All(state.Milestones, m => Assert.True(m.IsDone, m.Code));
        Assert.Equal(Openings, state.Milestones.Select(m => m.OpenedAt!.Value));
        var history = await s.App.Services.GetRequiredService<App.Engine.InstanceStore>().HistoryAsync(processId, Ct);
        Assert.Equal(6, history.Count(h => h is { Kind: "event", What: "MilestoneOpened" }));
        Assert.Equal(6, history.Count(h => h is { Kind: "event", What: "MilestoneDone" }));
        Assert.Equal(Openings.Skip(1), jumps.Where(j => Openings.Contains(j)));
        Assert.All(state.CoverageChecks, c => Assert.True(c.Done));
        Assert.Equal([Openings[2], Openings[3]], state.CoverageChecks.Select(c => c.At!.Value));
    }
}
