using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Work;
using KamFlows.App.Work;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Hosting;

/// <summary>The app answers the Functions host's invocation requests as the custom-handler contract says.</summary>
public sealed class CustomHandlerContractTests(CustomHandlerContractTests.App app) : IClassFixture<CustomHandlerContractTests.App>
{
    public sealed class App : KamFlowsApp
    {
        public App(Azurite azurite)
            : base(azurite)
        {
            UnderFunctionsHost = true;
            ExtraServices = s => s.AddSingleton<IWorkItemHandler>(Recorder);
        }

        public RecordingWorkHandler Recorder { get; } = new();
    }

    private static string TimerPayload(string? scheduleStatus, bool pastDue) => HostPayloads.Timer("DueTimerSweep", "timer", scheduleStatus, pastDue);

    private static string QueuePayload(string message) => HostPayloads.Queue("WorkQueue", "message", message);

    private async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string function, string payload)
    {
        using var request = HostPayloads.Invocation(function, payload);
        var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task The_contract_checks_hold_for_every_function_json()
    {
        var result = await HandlerContract.CheckAsync(app.CreateClient(), Path.Combine(RepositoryRoot.Find(), "functions", "KamFlows.App"), TestContext.Current.CancellationToken);

        Assert.True(result.Failures.Count == 0, result.ToString());
        Assert.True(result.Invocations > 0, "No timer or queue function.json found: " + result);
    }

    [Fact]
    public async Task Readiness_probe_on_root_answers()
    {
        var response = await app.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task Timer_invocation_answers_with_outputs_logs_and_return_value(bool withStatus, bool pastDue)
    {
        var status = withStatus ? """{"Last":"2026-03-02T11:59:00Z","Next":"2026-03-02T12:01:00Z","LastUpdated":"2026-03-02T11:59:00Z"}""" : null;

        var (code, body) = await InvokeAsync("DueTimerSweep", TimerPayload(status, pastDue));

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.True(body.TryGetProperty("ReturnValue", out _));
    }

    [Fact]
    public async Task Timer_invocation_runs_the_sweep_which_fires_what_is_due()
    {
        var item = new WorkItem(RecordingWorkHandler.TestKind, "timer-" + Guid.NewGuid());
        var dueTimers = app.Services.GetRequiredService<DueTimers>();
        var row = await dueTimers.SetAsync(item, app.Clock.GetUtcNow().AddMinutes(-1), TestContext.Current.CancellationToken);

        var (code, _) = await InvokeAsync("DueTimerSweep", TimerPayload(null, false));

        Assert.Equal(HttpStatusCode.OK, code);
        var queue = app.Storage.Queue(app.WorkQueueName);
        var messages = await queue.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(messages.Value, m => WorkItem.Parse(m.Body.ToString()) == item with { At = row.At, Row = row.Key });
    }

    [Fact]
    public async Task Queue_message_as_json_string_is_dispatched_to_its_handler()
    {
        var item = new WorkItem(RecordingWorkHandler.TestKind, "q-" + Guid.NewGuid());

        var (code, body) = await InvokeAsync("WorkQueue", QueuePayload(item.ToJson()));

        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.Contains(item, app.Recorder.Handled);
    }

    [Fact]
    public async Task Malformed_queue_message_fails_the_invocation_and_the_app_keeps_answering()
    {
        var (code, body) = await InvokeAsync("WorkQueue", QueuePayload("not-a-valid-message {"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
        Assert.Contains("rejected", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        var alive = await app.CreateClient().GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Work_of_an_unknown_kind_fails_the_invocation_so_the_host_keeps_it_in_poison()
    {
        var (code, _) = await InvokeAsync("WorkQueue", QueuePayload(new WorkItem("no-such-kind", "1").ToJson()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task Handler_failure_answers_500_so_the_host_retries()
    {
        app.Recorder.FailWhen = i => i.Id == "fail-me";
        var (code, _) = await InvokeAsync("WorkQueue", QueuePayload(new WorkItem(RecordingWorkHandler.TestKind, "fail-me").ToJson()));

        Assert.Equal(HttpStatusCode.InternalServerError, code);
    }

    [Fact]
    public async Task Invocation_without_the_binding_data_is_rejected_not_crashed()
    {
        var (code, _) = await InvokeAsync("DueTimerSweep", """{"Data":{},"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, code);
    }
}
