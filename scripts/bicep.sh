#!/usr/bin/env bash
# Prints the path of the pinned Bicep CLI, restoring it first if needed: NuGet package
# Azure.Bicep.CommandLine.linux-x64 into .artifacts/bicep (needs dotnet and the NuGet registry once).
# Used by scripts/check-infra.sh and by the deployment tests, which compile infra/main.bicep.
# Only the path goes to stdout; restore messages go to stderr.
#
# Usage: bicep="$(scripts/bicep.sh)" && "$bicep" build infra/main.bicep --stdout
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bicep_version="0.49.2"
bicep_package="Azure.Bicep.CommandLine.linux-x64"
packages="$root/.artifacts/bicep/packages"

find_bicep() {
  local dir="$packages/${bicep_package,,}/$bicep_version"
  [[ -d "$dir" ]] || return 0
  find "$dir" -type f -name bicep -print -quit
}

bicep="$(find_bicep)"
if [[ -z "$bicep" ]]; then
  echo "Restoring $bicep_package $bicep_version into .artifacts/bicep" >&2
  # A throwaway project outside the repository, so the repository's Directory.*.props (central
  # package management) do not apply to it.
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  cat >"$scratch/restore-bicep.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$bicep_package" Version="[$bicep_version]" />
  </ItemGroup>
</Project>
XML
  if ! dotnet restore "$scratch/restore-bicep.csproj" --packages "$packages" --verbosity quiet >&2; then
    echo "Could not restore $bicep_package $bicep_version from NuGet (offline, or no NuGet source?)" >&2
    exit 1
  fi
  bicep="$(find_bicep)"
  [[ -n "$bicep" ]] || { echo "bicep executable not found in the restored package $bicep_package $bicep_version" >&2; exit 1; }
fi
chmod +x "$bicep"
echo "$bicep"
