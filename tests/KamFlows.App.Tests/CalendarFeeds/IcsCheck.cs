using System.Text.Json;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.CalendarFeeds;

/// <summary>
/// Reads an iCalendar text with ical.js (npm, pinned in package.json), a parser independent of
/// Ical.Net which wrote it, through <c>scripts/ics-check.mjs</c> run by node: the RFC 5545 checks it
/// makes (line folding, CRLF, required properties, every TZID defined) and the events as it reads
/// them, each start converted to UTC by ical.js from the file's own VTIMEZONE.
/// </summary>
internal static class IcsCheck
{
    public sealed record Calendar(string Version, string Prodid, string? Method, string? Name, IReadOnlyList<string> Timezones);

    public sealed record Event(string Uid, string Summary, string? Description, string? Url, string? Tzid, string Local, bool AllDay, DateTimeOffset? StartUtc, DateTimeOffset? EndUtc);

    public sealed record Result(IReadOnlyList<string> Errors, Calendar? Calendar, IReadOnlyList<Event> Events);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Result> ReadAsync(string ics)
    {
        var root = RepositoryRoot.Find();
        var file = Path.Combine(Path.GetTempPath(), $"kamflows-feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(file, ics, TestContext.Current.CancellationToken);
        try
        {
            var run = await ProcessRunner.RunAsync("node", [Path.Combine(root, "scripts", "ics-check.mjs"), file], root, TimeSpan.FromMinutes(1));
            Assert.True(run.ExitCode == 0, $"ics-check failed ({run.ExitCode}): {run.Errors}");
            return JsonSerializer.Deserialize<Result>(run.Output, Json)!;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The feed as ical.js reads it, with no RFC 5545 error.</summary>
    public static async Task<Result> ValidAsync(string ics)
    {
        var result = await ReadAsync(ics);
        Assert.True(result.Errors.Count == 0, "ical.js found: " + string.Join("; ", result.Errors) + Environment.NewLine + ics);
        return result;
    }
}
