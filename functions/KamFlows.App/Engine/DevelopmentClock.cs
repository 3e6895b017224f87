using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using KamFlows.App.Storage;
using KamFlows.App.Work;

namespace KamFlows.App.Engine;

/// <summary>
/// Development only: the app's clock, movable forward so a nine-month process can be watched in
/// minutes. The offset is kept in a blob, so a restart does not jump back.
/// </summary>
public sealed class DevelopmentClock(StorageClients storage) : TimeProvider
{
    private const string BlobName = "development-clock.json";
    private readonly BlobClient _blob = storage.Container(StorageLayout.SystemContainer).GetBlobClient(BlobName);
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override long GetTimestamp() => System.GetTimestamp();

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    public async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            var content = await _blob.DownloadContentAsync(ct);
            Interlocked.Exchange(ref _offsetTicks, content.Value.Content.ToObjectFromJson<Saved>()!.OffsetTicks);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // never moved
        }
    }

    public async Task AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        var ticks = Interlocked.Add(ref _offsetTicks, by.Ticks);
        await _blob.UploadAsync(BinaryData.FromObjectAsJson(new Saved(ticks)), overwrite: true, ct);
    }

    private sealed record Saved(long OffsetTicks);
}

/// <summary>Loads the persisted offset before anything reads the clock.</summary>
internal sealed class DevelopmentClockLoader(DevelopmentClock clock) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => clock.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static class DevelopmentClockEndpoints
{
    public sealed record AdvanceInput([property: System.ComponentModel.DataAnnotations.Required] TimeSpan? By);

    public sealed record ClockAnswer(DateTimeOffset Now, TimeSpan Offset, int WakeUpsFired);

    public static IEndpointRouteBuilder MapDevelopmentClock(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dev/clock", (DevelopmentClock clock) => TypedResults.Ok(new ClockAnswer(clock.GetUtcNow(), clock.Offset, 0)))
            .AllowAnonymous().WithName("GetDevelopmentClock").WithTags("Development").WithSummary("Development only: the app's clock and its offset.");
        app.MapPost("/dev/clock/advance", AdvanceAsync)
            .AllowAnonymous().WithName("AdvanceDevelopmentClock").WithTags("Development")
            .WithSummary("Development only: moves the app's clock forward (e.g. {\"by\":\"30.00:00:00\"}) and fires what became due.");
        return app;
    }

    private static async Task<Results<Ok<ClockAnswer>, ValidationProblem>> AdvanceAsync(
        AdvanceInput input, DevelopmentClock clock, DueTimers dueTimers, CancellationToken ct)
    {
        if (input.By is not { } by || by <= TimeSpan.Zero || by > TimeSpan.FromDays(3650))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = ["Move the clock forward by a positive time span of at most ten years, e.g. \"30.00:00:00\"."] });
        }

        await clock.AdvanceAsync(by, ct);
        // Azurite releases delayed queue messages on the real clock only: the sweep fires what is due now.
        var fired = await dueTimers.SweepAsync(clock.GetUtcNow(), ct);
        return TypedResults.Ok(new ClockAnswer(clock.GetUtcNow(), clock.Offset, fired));
    }
}
