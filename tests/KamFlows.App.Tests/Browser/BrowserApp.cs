using System.Net;
using KamFlows.App.Tests.Infrastructure;
using KamFlows.App.Tests.Pages;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace KamFlows.App.Tests.Browser;

/// <summary>
/// The app for browser tests: the whole app in this process, as <see cref="PagesApp"/> (fake clock,
/// the test processes), but served by Kestrel on a real port of the loopback interface, since a
/// browser needs a real address. The port is Kestrel's own choice (port 0), read back once it
/// listens. One per test class.
/// </summary>
public sealed class BrowserApp : PagesApp
{
    public BrowserApp(Azurite azurite)
        : base(azurite) => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the app listens (starting it on first use).</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }
}
