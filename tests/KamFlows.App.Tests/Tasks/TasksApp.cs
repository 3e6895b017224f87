using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Engine;
using KamFlows.App.Features.Tasks;
using KamFlows.App.Features.Users;
using KamFlows.App.Hosting;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.Domain.Processes;
using KamFlows.Domain.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Tasks;

/// <summary>The app with the <see cref="Errand"/> process, and ways to give tasks through it and read what it heard.</summary>
public class TasksApp : KamFlowsApp
{
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public TasksApp(Azurite azurite)
        : base(azurite)
    {
        Settings = new Dictionary<string, string?> { ["Engine:EffectRetryDelay"] = "00:00:00" };
        ExtraServices = s => s.AddSingleton<IProcessDefinition, Errand>();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ProcessEngine Engine => Services.GetRequiredService<ProcessEngine>();

    /// <summary>Starts an errand that gives <paramref name="task"/>; returns the process id.</summary>
    public async Task<string> StartErrandAsync(Errand.Command first, IReadOnlyDictionary<string, PartyCalendar>? calendars = null)
    {
        var started = await Engine.StartAsync(
            new StartRequest(Errand.DefinitionName, Guid.NewGuid().ToString("N"), first,
                new Dictionary<string, IReadOnlyList<string>>(), calendars ?? new Dictionary<string, PartyCalendar>()),
            Sender.System, Ct);
        return started.InstanceId;
    }

    /// <summary>Gives a task through a new errand (whose parties live by <paramref name="calendars"/>); returns the process id and the task.</summary>
    public async Task<(string ProcessId, WorkTask Task)> GiveAsync(CreateTask task, IReadOnlyDictionary<string, PartyCalendar>? calendars = null)
    {
        var processId = await StartErrandAsync(new Errand.GiveTask(task), calendars);
        var pending = (await Services.GetRequiredService<InstanceStore>().LoadAsync(processId, Ct))!.Instance.Outbox;
        Assert.Empty(pending); // performed in the request that started it
        var given = await Services.GetRequiredService<TaskStore>().FindAsync(TaskIds.FromEffect($"{processId}.1.0"), Ct);
        return (processId, given!.Value);
    }

    public async Task<IReadOnlyList<string>> HeardAsync(string processId)
    {
        var instance = (await Services.GetRequiredService<InstanceStore>().LoadAsync(processId, Ct))!.Instance;
        return JsonSerializer.Deserialize<Errand.State>(instance.StateJson!, StateJson)!.Log;
    }

    /// <summary>A user living in <paramref name="timeZone"/> and writing in <paramref name="language"/>.</summary>
    public async Task<User> UserAsync(string who, string timeZone, string language = "pt-BR", string? businessUnit = null, string role = "Kam")
    {
        var body = People.UserBody(People.UniqueEmail(who), [role], businessUnit);
        body["timeZone"] = timeZone;
        body["language"] = language;
        if (language == "pt-PT")
        {
            body["country"] = "PT";
            body["region"] = null;
        }

        return await ReadAsync<User>(await AdminClient().PostAsJsonAsync("/api/users", body, Ct));
    }

    /// <summary>Moves the clock to <paramref name="at"/> and does what the host would: sweep the due timers, deliver the work.</summary>
    public async Task RunUntilAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        await SweepAsync();
        await DeliverWorkAsync();
    }

    /// <summary>What the Functions host would do: run the minute timer once.</summary>
    public Task SweepAsync() =>
        Services.GetRequiredService<TriggerFunctions>().Timer("DueTimerSweep")
            .RunAsync(new TimerInvocation(Guid.NewGuid().ToString(), false, null, null), Ct);

    /// <summary>What the Functions host would do: deliver every visible work message once. Returns how many.</summary>
    public async Task<int> DeliverWorkAsync()
    {
        var queue = Storage.Queue(WorkQueueName);
        var function = Services.GetRequiredService<TriggerFunctions>().Queue("WorkQueue");
        var delivered = 0;
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value;
            if (batch.Length == 0)
            {
                return delivered;
            }

            foreach (var message in batch)
            {
                await function.RunAsync(new QueueInvocation(Guid.NewGuid().ToString(), message.Body.ToString(), message.MessageId, message.DequeueCount, message.InsertedOn), Ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Ct);
                delivered++;
            }
        }
    }
}
