using System.Diagnostics;
using System.Net.Sockets;

namespace KamFlows.App.Tests.Infrastructure;

/// <summary>Waits on a condition with a deadline, instead of sleeping a fixed time.</summary>
internal static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline, Action? betweenTries = null)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > deadline)
            {
                throw new TimeoutException($"Condition not met within {deadline}; last value: {value}");
            }

            betweenTries?.Invoke();
            await Task.Yield();
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public static async Task ConnectsAsync(int port, TimeSpan deadline, Func<bool> gaveUp)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (watch.Elapsed < deadline && !gaveUp())
            {
                await Task.Delay(50);
            }
        }
    }
}
