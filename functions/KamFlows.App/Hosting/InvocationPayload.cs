using System.Globalization;
using System.Text.Json;

namespace KamFlows.App.Hosting;

/// <summary>
/// Reads the Functions host's invocation request, <c>{"Data": {binding: ...}, "Metadata": {...}}</c>, into
/// our invocation records. The host sends a timer's data as an object and a queue message as a JSON
/// string; both shapes are accepted either way, since hosts have differed.
/// </summary>
internal static class InvocationPayload
{
    public static TimerInvocation ReadTimer(JsonElement root, FunctionDefinition function, string invocationId)
    {
        var data = Binding(root, function);
        if (data.ValueKind == JsonValueKind.String)
        {
            using var inner = JsonDocument.Parse(data.GetString()!);
            return ReadTimerData(inner.RootElement.Clone(), invocationId);
        }

        return ReadTimerData(data, invocationId);
    }

    public static QueueInvocation ReadQueue(JsonElement root, FunctionDefinition function, string invocationId)
    {
        var data = Binding(root, function);
        var message = data.ValueKind == JsonValueKind.String ? data.GetString()! : data.GetRawText();
        var metadata = root.TryGetProperty("Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        return new QueueInvocation(
            invocationId,
            message,
            Text(metadata, "Id"),
            Number(metadata, "DequeueCount") ?? 1,
            Instant(metadata, "InsertionTime"));
    }

    private static JsonElement Binding(JsonElement root, FunctionDefinition function)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Data", out var data)
            || data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty(function.BindingName, out var binding))
        {
            throw new InvalidInvocationException($"The invocation has no Data.{function.BindingName}.");
        }

        return binding;
    }

    private static TimerInvocation ReadTimerData(JsonElement timer, string invocationId)
    {
        if (timer.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException("The timer data is not an object.");
        }

        var pastDue = timer.TryGetProperty("IsPastDue", out var p) && p.ValueKind == JsonValueKind.True;
        var status = timer.TryGetProperty("ScheduleStatus", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        return new TimerInvocation(invocationId, pastDue, Instant(status, "Last"), Instant(status, "Next"));
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;

    private static long? Number(JsonElement obj, string name)
    {
        var text = Text(obj, name);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static DateTimeOffset? Instant(JsonElement obj, string name) =>
        DateTimeOffset.TryParse(Text(obj, name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}

/// <summary>The host's request itself is not an invocation we understand.</summary>
internal sealed class InvalidInvocationException(string reason) : Exception(reason);
