namespace KamFlows.App.Hosting;

/// <summary>
/// Whether the Azure Functions host started this process. The host passes the port to listen on in
/// <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> (older hosts: <c>FUNCTIONS_HTTPWORKER_PORT</c>); then the host
/// drives timers and queues through <c>POST /{FunctionName}</c>, and the local loops stay off.
/// </summary>
public sealed record FunctionsHost(int? Port)
{
    public bool IsPresent => Port is not null;

    public static FunctionsHost From(IConfiguration configuration)
    {
        var raw = configuration["FUNCTIONS_CUSTOMHANDLER_PORT"] ?? configuration["FUNCTIONS_HTTPWORKER_PORT"];
        if (string.IsNullOrEmpty(raw))
        {
            return new FunctionsHost((int?)null);
        }

        return int.TryParse(raw, out var port) && port is > 0 and < 65536
            ? new FunctionsHost(port)
            : throw new InvalidOperationException($"FUNCTIONS_CUSTOMHANDLER_PORT is '{raw}', not a TCP port.");
    }
}
