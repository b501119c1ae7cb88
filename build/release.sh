#!/usr/bin/env bash
# The one release command: packs every packable project of the repository (IsPackable=true: today MicroPrompt.Sdk and
# MicroPrompt.Templates; MicroPrompt.Tool or any other package is picked up the day its project exists) with one
# version, in Release, deterministic (ContinuousIntegrationBuild: source paths mapped to /_/), with SourceLink (the
# .NET SDK's built-in, from the git remote) and each package's README and metadata (Directory.Build.props + each csproj).
# Usage: bash build/release.sh [version] [output folder]
#   version: default the one samples/QuickStart pins in its global.json (what the README's quick start uses)
#   output:  default artifacts/packages (the local feed named in nuget.config)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=${1:-$(sed -n 's/.*"MicroPrompt.Sdk": *"\([^"]*\)".*/\1/p' "$root/samples/QuickStart/global.json")}
out=${2:-$root/artifacts/packages}
mkdir -p "$out"
out=$(cd "$out" && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

if [ -z "$(git -C "$root" remote 2>/dev/null)" ]; then
  echo "warning: $root has no git remote: the assemblies get no SourceLink map (release from a clone of the repository)" >&2
fi

# Every project but the samples (consumers of the packages) and template content (projects the templates create).
mapfile -t projects < <(cd "$root" && find . -name '*.csproj' \
  -not -path '*/bin/*' -not -path '*/obj/*' -not -path './artifacts/*' -not -path './samples/*' -not -path '*/content/*' \
  | sed 's|^\./||' | sort)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One solution over them: one restore, one build graph; Pack skips projects whose IsPackable is false.
dotnet new sln -n release -o "$work" >/dev/null
(cd "$root" && dotnet sln "$work/release.slnx" add "${projects[@]}" >/dev/null)

echo "packing ${#projects[@]} projects (the packable ones become packages) as $version into $out ..."
dotnet pack "$work/release.slnx" -c Release -o "$out" -p:Version="$version" -p:ContinuousIntegrationBuild=true \
  -nodeReuse:false -v:quiet -clp:NoSummary
for package in "$out"/*."$version".nupkg; do
  echo "  $(basename "$package")"
done
