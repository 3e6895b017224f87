using System.Text.Json;
using KamFlows.App.Engine;

namespace KamFlows.App.Features.Email;

/// <summary>Tells the process that wrote an email that it did not arrive (bounced, dropped, reported as spam, no address), once per email.</summary>
public sealed partial class EmailProblems(NamedCommands commands, ILogger<EmailProblems> logger)
{
    public async Task ReportAsync(string key, string? processId, string? bounceEvent, string reason, CancellationToken ct)
    {
        if (processId is null || bounceEvent is null)
        {
            return;
        }

        try
        {
            var outcome = await commands.SendAsync(processId, $"email-problem|{key}", bounceEvent,
                new Dictionary<string, string?> { ["effectId"] = key, ["reason"] = reason }, ct);
            LogReported(logger, processId, reason, outcome);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            LogNotTaken(logger, processId, bounceEvent);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Process {ProcessId} told an email did not arrive ({Reason}): {Outcome}")]
    private static partial void LogReported(ILogger logger, string processId, string reason, SendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Process {ProcessId} does not take the command {BounceEvent} it named for undelivered email")]
    private static partial void LogNotTaken(ILogger logger, string processId, string bounceEvent);
}
