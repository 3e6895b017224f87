using System.Net.Http.Json;
using KamFlows.App.Engine;
using KamFlows.App.Tests.Infrastructure;

namespace KamFlows.App.Tests.Engine;

/// <summary>
/// One or more app processes on the same storage (same prefix), driven over HTTP. A call goes to the
/// next live app; when the app it went to has died (an injected crash, or a kill), the call is sent
/// again, with the same event id, to a live app: the client's retry that makes transitions exactly-once.
/// A crashed app is started again (without the crash setting) when <see cref="RestartCrashed"/>.
/// </summary>
internal sealed class AppCluster : IAsyncDisposable
{
    /// <summary>
    /// After a crash, what was leased to the dead app (committed effects: 2 min; a claimed due row:
    /// 5 min) is taken over by the sweep once the lease runs out. The apps run on the Development
    /// clock, so instead of waiting we move every app's clock past both leases.
    /// </summary>
    public static readonly TimeSpan PastTheLeases = TimeSpan.FromMinutes(6);

    private readonly AppProcess?[] _apps;
    private readonly Dictionary<string, string> _settings;
    private readonly SemaphoreSlim _recovering = new(1, 1);
    private int _next;

    private AppCluster(AppProcess?[] apps, Dictionary<string, string> settings, bool restartCrashed)
    {
        _apps = apps;
        _settings = settings;
        RestartCrashed = restartCrashed;
    }

    public bool RestartCrashed { get; }

    /// <summary>Apps that died (crashed or were killed) so far.</summary>
    public int Deaths { get; private set; }

    /// <summary>What the dead apps said last (the crash message is there).</summary>
    public List<string> DeathNotes { get; } = [];

    public IEnumerable<AppProcess> Live => _apps.OfType<AppProcess>().Where(a => !a.HasExited);

    public static Dictionary<string, string> HarnessSettings(Azurite azurite, string prefix)
    {
        var settings = AppProcess.Settings(azurite.ConnectionString, prefix);
        // A message whose handler died comes back quickly; effect retries within a pass do not wait.
        settings["LocalTriggers__VisibilityTimeout"] = "00:00:02";
        settings["Engine__EffectRetryDelay"] = "00:00:00";
        return settings;
    }

    /// <summary>Starts <paramref name="size"/> apps; the first (only) one crashes at <paramref name="point"/>, occurrence <paramref name="occurrence"/>.</summary>
    public static async Task<AppCluster> StartAsync(
        Dictionary<string, string> settings, int size, SavePoint? point, int occurrence, bool restartCrashed, CancellationToken ct)
    {
        var apps = new AppProcess?[size];
        var first = new Dictionary<string, string>(settings);
        if (point is { } p)
        {
            first["CrashInjection__Point"] = p.ToString();
            first["CrashInjection__Occurrence"] = occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var cluster = new AppCluster(apps, settings, restartCrashed);
        try
        {
            apps[0] = await AppProcess.StartAsync(first, ct);
            for (var i = 1; i < size; i++)
            {
                apps[i] = await AppProcess.StartAsync(settings, ct);
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Sends one call to the next live app; when that app died meanwhile, recovers and sends it again (same call, same event id).</summary>
    public async Task<T> CallAsync<T>(Func<HttpClient, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var slot = NextLive();
            var app = _apps[slot]!;
            try
            {
                return await call(app.Client);
            }
            catch (Exception e) when (attempt < 20 && !ct.IsCancellationRequested
                && e is HttpRequestException or IOException or TaskCanceledException or ObjectDisposedException)
            {
                if (!await app.ExitsWithinAsync(TimeSpan.FromSeconds(10)))
                {
                    throw;
                }

                await RecoverAsync(ct);
            }
        }
    }

    /// <summary>
    /// Arms the first live app to crash at the <paramref name="occurrence"/>-th pass of <paramref name="point"/>
    /// from now on (null disarms it): a long run re-arms one app instead of starting a new one per injection.
    /// </summary>
    public Task ArmAsync(SavePoint? point, int occurrence, CancellationToken ct) =>
        CallAsync(async c =>
        {
            using var armed = point is null
                ? await c.DeleteAsync("/dev/crash-injection", ct)
                : await c.PostAsJsonAsync("/dev/crash-injection", new { point = point.ToString(), occurrence }, ct);
            armed.EnsureSuccessStatusCode();
            return 0;
        }, ct);

    /// <summary>Kills one app (SIGKILL), as a crash of that machine would.</summary>
    public async Task KillAsync(int slot, CancellationToken ct)
    {
        await _apps[slot]!.DisposeAsync();
        await RecoverAsync(ct);
    }

    /// <summary>Moves every live app's clock forward by the same amount (each keeps its own offset; they stay equal).</summary>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken ct)
    {
        foreach (var app in Live.ToList())
        {
            var moved = await app.Client.PostAsJsonAsync("/dev/clock/advance", new { by }, ct);
            moved.EnsureSuccessStatusCode();
            await app.SignInAsync(ct); // the old token may have expired on the new clock
        }
    }

    /// <summary>Buries the dead, starts crashed ones again (if asked), and moves the clock past the dead apps' leases.</summary>
    public async Task RecoverAsync(CancellationToken ct)
    {
        await _recovering.WaitAsync(ct);
        try
        {
            var buried = 0;
            for (var i = 0; i < _apps.Length; i++)
            {
                if (_apps[i] is { HasExited: true } dead)
                {
                    DeathNotes.Add(dead.CrashMessage ?? dead.Output);
                    await dead.DisposeAsync();
                    _apps[i] = RestartCrashed ? await AppProcess.StartAsync(_settings, ct) : null;
                    buried++;
                }
            }

            if (buried > 0)
            {
                Deaths += buried;
                if (!Live.Any())
                {
                    throw new InvalidOperationException("No app is left alive.");
                }

                await AdvanceWithRetryAsync(ct);
            }
        }
        finally
        {
            _recovering.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps.OfType<AppProcess>())
        {
            await app.DisposeAsync();
        }

        _recovering.Dispose();
    }

    private async Task AdvanceWithRetryAsync(CancellationToken ct)
    {
        // The advance sweeps in the request: with no crash setting left, a live app does not die here.
        await AdvanceAsync(PastTheLeases, ct);
    }

    private int NextLive()
    {
        for (var i = 0; i < _apps.Length; i++)
        {
            var slot = (int)((uint)Interlocked.Increment(ref _next) % (uint)_apps.Length);
            if (_apps[slot] is not null)
            {
                return slot;
            }
        }

        throw new InvalidOperationException("No app is left alive.");
    }
}
