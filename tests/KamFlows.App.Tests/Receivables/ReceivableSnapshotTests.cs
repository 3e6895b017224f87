using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.ErpImports;
using KamFlows.App.Features.Receivables;
using KamFlows.Domain.ErpImports;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Receivables;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Receivables;

/// <summary>
/// Receivables imports through the API on the tests' still clock (Monday 2 March 2026, 09:00 in São
/// Paulo): every open document gets its follow-up, the account its summary; a partial import adds and
/// corrects and closes nothing; a full snapshot closes what it leaves out, on every account of its
/// source and on no other source; a rerun after a crash sends nothing twice.
/// </summary>
public sealed class ReceivableSnapshotTests(ReceivablesApp app) : IClassFixture<ReceivablesApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_full_snapshot_opens_a_follow_up_per_document_and_the_account_sums_them_up()
    {
        var s = await ReceivablesScenario.CreateAsync(app);

        var import = await s.ImportAsync("Full", s.Line("NF-1", "20/02/2026", "1.000,00"), s.Line("NF-2", "10/04/2026", "500,00"));

        Assert.Equal((ImportStatus.Applied, 2, 0), (import.Status, import.RowsApplied, import.RowsRejected));
        var view = await s.ViewAsync();
        Assert.Equal(new DateOnly(2026, 3, 2), view.Today);
        Assert.Equal(["NF-1", "NF-2"], view.Documents.Select(d => d.Document));
        Assert.Equal(("EUR", 300m, 200m, 1), (view.Summary.ReportingCurrency, view.Summary.TotalOpen, view.Summary.Overdue, view.Summary.OverdueDocuments));
        Assert.Equal((new DateOnly(2026, 2, 20), 10), (view.Summary.OldestOverdue!.Value, view.Summary.DaysOverdue!.Value));
        Assert.False(view.Summary.OverCreditLimit);

        // NF-1 was due Friday 20 February: its first business day overdue (Monday the 23rd) has passed, so the KAM has the task.
        Assert.Equal(("overdue", "open"), (view.Documents[0].FollowUpStep, view.Documents[1].FollowUpStep));
        var task = Assert.Single(await s.OpenTasksAsync());
        Assert.Equal(ReceivableFollowUpDefinition.CollectTask, task.Kind);
        Assert.Contains("NF-1", task.Title, StringComparison.Ordinal);
        Assert.Equal(ReceivableFollowUps.ProcessIdOf(s.Source, "NF-1"), task.ProcessId);
    }

    [Fact]
    public async Task A_partial_import_adds_and_corrects_and_closes_nothing_and_the_next_full_snapshot_closes_what_it_leaves_out()
    {
        var s = await ReceivablesScenario.CreateAsync(app);
        await s.ImportAsync("Full", s.Line("NF-1", "20/02/2026", "1.000,00"), s.Line("NF-2", "10/04/2026", "500,00"));

        // Partial: NF-2 corrected (a later due date, a smaller amount), NF-3 new, NF-1 not mentioned.
        string[] partial = [s.Line("NF-2", "17/04/2026", "400,00"), s.Line("NF-3", "15/04/2026", "250,00")];
        await s.ImportAsync("Partial", partial);
        await s.ImportAsync("Partial", partial); // the same file again

        var view = await s.ViewAsync();
        Assert.Equal(["NF-1", "NF-3", "NF-2"], view.Documents.Select(d => d.Document));
        Assert.Equal(330m, view.Summary.TotalOpen); // (1000 + 250 + 400) × 0.2
        var corrected = StateOf(await s.FollowUpAsync("NF-2"));
        Assert.Equal((new DateOnly(2026, 4, 17), 400m), (corrected.Document!.DueDate, corrected.Document.Amount));
        Assert.Single(await s.OpenTasksAsync()); // NF-1's, once

        // Full: only NF-3 is open now. NF-1 and NF-2 are paid, and NF-1's task is done.
        await s.ImportAsync("Full", s.Line("NF-3", "15/04/2026", "250,00"));

        Assert.Equal(["NF-3"], (await s.ViewAsync()).Documents.Select(d => d.Document));
        foreach (var paid in new[] { "NF-1", "NF-2" })
        {
            var followUp = (await s.FollowUpAsync(paid))!;
            Assert.Equal((ProcessStatus.Completed, ReceivableFollowUpDefinition.Paid), (followUp.Status, followUp.Step));
        }

        Assert.Equal(ProcessStatus.Running, (await s.FollowUpAsync("NF-3"))!.Status);
        Assert.Empty(await s.OpenTasksAsync());
    }

    [Fact]
    public async Task A_full_snapshot_pays_the_documents_of_an_account_it_does_not_name_and_leaves_other_sources_alone()
    {
        var s = await ReceivablesScenario.CreateAsync(app);
        var other = await s.World.AccountOfAsync(s.World.KamB);
        var otherSource = await new ErpImports.ImportWorld(app).SourceAsync("Receivables", ReceivablesScenario.Columns);
        await s.ImportAsync("Full", s.Line("NF-A", "10/04/2026", "100,00"), s.Line("NF-B", "10/04/2026", "200,00", other.Id));
        var upload = await new ErpImports.ImportWorld(app).UploadAsync(otherSource, ReceivablesScenario.Csv(s.Line("NF-X", "10/04/2026", "300,00", other.Id)), "outro.csv", "Full");
        await new ErpImports.ImportWorld(app).RunAsync(upload.Id);

        await s.ImportAsync("Full", s.Line("NF-A", "10/04/2026", "100,00"));

        Assert.Equal(["NF-A"], (await s.ViewAsync()).Documents.Select(d => d.Document));
        var left = await s.ViewAsync(other, s.World.KamB);
        Assert.Equal([("NF-X", otherSource)], left.Documents.Select(d => (d.Document, d.SourceId)));
        Assert.Equal(ReceivableFollowUpDefinition.Paid, (await s.FollowUpAsync("NF-B"))!.Step);
    }

    [Fact]
    public async Task Rows_a_receivables_file_cannot_use_are_reported_by_row_and_the_rest_is_applied()
    {
        var s = await ReceivablesScenario.CreateAsync(app);

        var import = await s.ImportAsync(
            "Full",
            s.Line("NF-1", "10/04/2026", "100,00"),
            s.Line("NF-2", "31/02/2026", "100,00"),
            $"NF-3;{s.Account.Id};10/04/2026;100,00;USD",
            s.Line("NF-1", "11/04/2026", "100,00"),
            "NF-5;;10/04/2026;100,00;BRL");

        Assert.Equal((ImportStatus.Applied, 5, 1, 4), (import.Status, import.RowsRead, import.RowsApplied, import.RowsRejected));
        var rejected = await s.RejectionsAsync(import.Id);
        Assert.Equal([3, 4, 5, 6], rejected.Select(r => r.Row));
        Assert.Contains("is not a date", rejected[0].Reason, StringComparison.Ordinal);
        Assert.Contains("USD", rejected[1].Reason, StringComparison.Ordinal);
        Assert.Equal("Row 2 has the same document.", rejected[2].Reason);
        Assert.StartsWith("The customer", rejected[3].Reason, StringComparison.Ordinal);
        Assert.Equal(["NF-1"], (await s.ViewAsync()).Documents.Select(d => d.Document));
    }

    [Fact]
    public async Task A_rerun_of_the_switch_after_the_follow_ups_were_told_sends_nothing_twice()
    {
        var s = await ReceivablesScenario.CreateAsync(app);
        var import = await s.ImportAsync("Full", s.Line("NF-1", "20/02/2026", "1.000,00"), s.Line("NF-2", "10/04/2026", "500,00"));
        var history = (await s.FollowUpAsync("NF-1"))!.Sequence;

        // A crash after the follow-ups were told and before the account's documents were written: the rerun finds them all new again.
        var store = app.Services.GetRequiredService<ReceivablesStore>();
        await store.ReplaceAsync(s.Account.Id, await store.DocumentsAsync(s.Account.Id, Ct), [], Ct);
        var imports = app.Services.GetRequiredService<ImportStore>();
        var record = (await imports.FindAsync(import.Id, Ct))!.Value;
        await app.Services.GetRequiredService<ReceivablesProjection>().ApplyAsync(record, await imports.TouchedAsync(import.Id, Ct), Ct);
        await s.RunAsync();

        Assert.Equal(["NF-1", "NF-2"], (await s.ViewAsync()).Documents.Select(d => d.Document));
        Assert.Single(await s.OpenTasksAsync());
        Assert.Equal(history, (await s.FollowUpAsync("NF-1"))!.Sequence);
    }

    [Fact]
    public async Task The_credit_limit_is_set_by_a_head_of_kam_flags_an_account_above_it_and_bad_input_changes_nothing()
    {
        var s = await ReceivablesScenario.CreateAsync(app);
        await s.ImportAsync("Full", s.Line("NF-1", "10/04/2026", "1.500,00"));

        Assert.Equal(HttpStatusCode.Forbidden, (await s.SetCreditLimitAsync(s.World.KamA, 1m)).StatusCode);
        var set = await s.SetCreditLimitAsync(s.World.Head, 250m);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var view = await s.ViewAsync();
        Assert.Equal((250m, true), (view.Summary.CreditLimit!.Value, view.Summary.OverCreditLimit));

        var bad = await s.SetCreditLimitAsync(s.World.Head, -5m);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").TryGetProperty("amount", out _));
        Assert.Equal(250m, (await s.ViewAsync()).Summary.CreditLimit);

        await s.SetCreditLimitAsync(s.World.Head, null);
        Assert.Equal((null, false), ((await s.ViewAsync()).Summary.CreditLimit, (await s.ViewAsync()).Summary.OverCreditLimit));

        // Another KAM's account does not exist for KAM B.
        Assert.Equal(HttpStatusCode.NotFound, (await s.World.As(s.World.KamB).GetAsync($"/api/accounts/{s.Account.Id}/receivables", Ct)).StatusCode);
    }

    private static ReceivableFollowUpState StateOf(ProcessInstance? instance) =>
        JsonSerializer.Deserialize<ReceivableFollowUpState>(instance!.StateJson!, ProcessJson.Options)!;
}
