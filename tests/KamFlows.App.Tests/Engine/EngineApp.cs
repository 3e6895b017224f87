using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Hosting;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Engine;

/// <summary>The app with the <see cref="PingPong"/> process registered, and ways to drive its queue and sweep by hand.</summary>
public class EngineApp : KamFlowsApp
{
    public EngineApp(Azurite azurite)
        : base(azurite)
    {
        Settings = new Dictionary<string, string?> { ["Engine:EffectRetryDelay"] = "00:00:00" };
        ExtraServices = s =>
        {
            s.AddSingleton<IProcessDefinition, PingPong>();
            s.AddSingleton<IEffectHandler>(Pongs);
        };
    }

    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public PingEffects Pongs { get; } = new();

    public ProcessEngine Engine => Services.GetRequiredService<ProcessEngine>();

    public InstanceStore Store => Services.GetRequiredService<InstanceStore>();

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoParties = new Dictionary<string, IReadOnlyList<string>>();

    public async Task<string> StartAsync(string key, IReadOnlyDictionary<string, IReadOnlyList<string>>? parties = null)
    {
        var outcome = await Engine.StartAsync(
            new StartRequest(PingPong.DefinitionName, key, new PingPong.Begin(), parties ?? NoParties, new Dictionary<string, PartyCalendar>()),
            Sender.System, TestContext.Current.CancellationToken);
        return outcome.InstanceId;
    }

    public Task<SendOutcome> SendAsync(string id, PingPong.Command command, string? eventId = null) =>
        Engine.SendAsync(id, eventId ?? Guid.NewGuid().ToString(), new EngineInput.Command(command), Sender.System, TestContext.Current.CancellationToken);

    public async Task<PingPong.State> StateAsync(string id)
    {
        var instance = (await Store.LoadAsync(id, TestContext.Current.CancellationToken))!.Instance;
        return JsonSerializer.Deserialize<PingPong.State>(instance.StateJson!, StateJson)!;
    }

    public async Task<ProcessInstance> InstanceAsync(string id) => (await Store.LoadAsync(id, TestContext.Current.CancellationToken))!.Instance;

    /// <summary>What the Functions host would do: run the minute timer once.</summary>
    public Task SweepAsync() =>
        Services.GetRequiredService<TriggerFunctions>().Timer("DueTimerSweep")
            .RunAsync(new TimerInvocation(Guid.NewGuid().ToString(), false, null, null), TestContext.Current.CancellationToken);

    /// <summary>What the Functions host would do: deliver every visible work message once. Returns how many.</summary>
    public async Task<int> DeliverWorkAsync()
    {
        var queue = Storage.Queue(WorkQueueName);
        var function = Services.GetRequiredService<TriggerFunctions>().Queue("WorkQueue");
        var delivered = 0;
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, cancellationToken: TestContext.Current.CancellationToken)).Value;
            if (batch.Length == 0)
            {
                return delivered;
            }

            foreach (var message in batch)
            {
                await function.RunAsync(new QueueInvocation(Guid.NewGuid().ToString(), message.Body.ToString(), message.MessageId, message.DequeueCount, message.InsertedOn),
                    TestContext.Current.CancellationToken);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, TestContext.Current.CancellationToken);
                delivered++;
            }
        }
    }
}
