#!/usr/bin/env bash
# Benchmark: process start to the first successful GET /api/health, for KamFlows published as it is
# deployed (self-contained, ReadyToRun, linux-x64) and, side by side in the same run, for an empty
# ASP.NET Core app published the same way that answers /api/health with no checks. Both start as the
# Functions host starts them (FUNCTIONS_CUSTOMHANDLER_PORT). KamFlows checks tables, blobs and queues
# on an in-memory Azurite started here. Usage: scripts/bench-startup.sh [runs, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/azurite.sh
source scripts/azurite.sh
kamflows_install_tools
runs=${1:-15}
out=.artifacts/bench-startup
rm -rf "$out" && mkdir -p "$out"

echo "Publishing KamFlows (self-contained, ReadyToRun)..."
dotnet publish functions/KamFlows.App -c Release -o "$out/kamflows" --nologo -v q -clp:ErrorsOnly

echo "Publishing an empty ASP.NET Core app the same way..."
empty=$(mktemp -d)
cat > "$empty/Empty.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <ImplicitUsings>enable</ImplicitUsings>
    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
    <PublishReadyToRun>true</PublishReadyToRun>
  </PropertyGroup>
</Project>
XML
cat > "$empty/Program.cs" <<'CS'
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT")}");
var app = builder.Build();
app.MapGet("/api/health", () => "Healthy");
app.Run();
CS
dotnet publish "$empty/Empty.csproj" -c Release -o "$out/empty" --nologo -v q -clp:ErrorsOnly

node_modules/.bin/azurite --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent \
  --blobPort 10300 --queuePort 10301 --tablePort 10302 &
azurite=$!
trap 'kamflows_stop $azurite; rm -rf "$empty"' EXIT
kamflows_wait_port 10302 30

export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10300/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10301/devstoreaccount1;TableEndpoint=http://127.0.0.1:10302/devstoreaccount1;"
# As in Azure: Production, Entra ID configured (no call is made before a token arrives), telemetry
# exported (to an OTLP address where nothing listens: exporting happens off the request path).
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  AzureAd__Instance=https://login.microsoftonline.com/ AzureAd__TenantId=00000000-0000-0000-0000-000000000001 \
  AzureAd__ClientId=00000000-0000-0000-0000-000000000002 App__PublicBaseUrl=https://kamflows.example \
  Links__Key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= \
  Telemetry__Exporter=Otlp Telemetry__OtlpEndpoint=http://127.0.0.1:4399

python3 - "$runs" "$out" <<'PY'
import http.client, os, statistics, subprocess, sys, time
runs, out = int(sys.argv[1]), os.path.abspath(sys.argv[2])

def ready_in(exe, port):
    env = dict(os.environ, FUNCTIONS_CUSTOMHANDLER_PORT=str(port))
    start = time.perf_counter()
    # The host starts a custom handler in the app folder (host.json: workingDirectory "").
    proc = subprocess.Popen([exe], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=os.path.dirname(exe))
    try:
        while time.perf_counter() - start < 30:
            try:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                c.request("GET", "/api/health")
                if c.getresponse().status == 200:
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.002)
        raise SystemExit(f"{exe} not healthy within 30 s")
    finally:
        proc.terminate(); proc.wait(10)

apps = [("empty ASP.NET Core", f"{out}/empty/Empty"), ("KamFlows", f"{out}/kamflows/KamFlows.App")]
first = {name: ready_in(exe, 7300) for name, exe in apps}  # KamFlows creates its tables on this one
times = {name: [] for name, _ in apps}
for i in range(runs):
    for name, exe in apps:  # interleaved, so both see the same machine
        times[name].append(ready_in(exe, 7300))
print(f"runs: {runs} each, interleaved; machine: {os.cpu_count()} cores")
for name, _ in apps:
    t = sorted(times[name])
    print(f"{name:20s} first {first[name]*1000:6.0f} ms | median {statistics.median(t)*1000:6.0f} ms | min {t[0]*1000:6.0f} ms | max {t[-1]*1000:6.0f} ms")
PY
