using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Engine;

/// <summary>In Development the app's clock moves forward on request, stays moved across a restart, and fires what became due.</summary>
public sealed class DevelopmentClockTests(Azurite azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Advancing_the_clock_persists_across_a_restart_and_fires_what_became_due()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        string id;
        DateTimeOffset movedTo;
        await using (var first = new EngineApp(azurite) { UseFakeClock = false, Prefix = prefix })
        {
            id = await first.StartAsync(Guid.NewGuid().ToString("N"));
            await first.SendAsync(id, new PingPong.Nap(TimeSpan.FromDays(270)));

            var answer = await first.CreateClient().PostAsJsonAsync("/dev/clock/advance", new { by = "271.00:00:00" }, Ct);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(body.GetProperty("wakeUpsFired").GetInt32() >= 1);
            movedTo = body.GetProperty("now").GetDateTimeOffset();
            Assert.True(movedTo > DateTimeOffset.UtcNow.AddDays(270));
            await first.DeliverWorkAsync();
            Assert.Equal("awake", (await first.StateAsync(id)).Phase);
        }

        await using var second = new EngineApp(azurite) { UseFakeClock = false, Prefix = prefix };
        var clock = await second.CreateClient().GetFromJsonAsync<JsonElement>("/dev/clock", Ct);
        Assert.True(clock.GetProperty("now").GetDateTimeOffset() >= movedTo);
        Assert.Equal(TimeSpan.FromDays(271), TimeSpan.Parse(clock.GetProperty("offset").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_clock_only_moves_forward()
    {
        await using var app = new EngineApp(azurite) { UseFakeClock = false };

        var answer = await app.CreateClient().PostAsJsonAsync("/dev/clock/advance", new { by = "-1.00:00:00" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }
}
