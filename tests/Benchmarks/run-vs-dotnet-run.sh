#!/usr/bin/env bash
# Benchmark (issue 11, closing note): `dotnet mprompt run` of a resolved kind: program prompt against `dotnet run` of a
# plain project holding the same code, and against starting the built dll directly (`dotnet x.dll`), in the same run.
# The prompt is resolved once through the replay server first; every measured `mprompt run` then makes no model call
# and (the build stamp holding) no build.
# Usage: bash tests/Benchmarks/run-vs-dotnet-run.sh [runs=7]
set -euo pipefail
runs=${1:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
export NUGET_PACKAGES="$work/packages" MICROPROMPT_CACHE_DIR="$work/cache"
version="1.0.0-bench.$(date +%s)"

echo "packing MicroPrompt.Sdk and MicroPrompt.Tool $version ..."
dotnet pack "$root/sdk/MicroPrompt.Sdk/MicroPrompt.Sdk.csproj" -c Release -o "$work/feed" -p:Version="$version" -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null
dotnet pack "$root/src/MicroPrompt.Tool/MicroPrompt.Tool.csproj" -c Release -o "$work/feed" -p:Version="$version" -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null
# Installed from the temp folder: the repository's nuget.config maps package sources, which --add-source cannot join.
(cd "$work" && dotnet tool install --tool-path "$work/tools" --add-source "$work/feed" MicroPrompt.Tool --version "$version" >/dev/null)
dotnet build "$root/tests/MicroPrompt.ReplayServer" -c Release -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null

code='namespace Run;

public static class Program
{
    public static int Main(string[] args)
    {
        System.Console.WriteLine(string.Join("+", args));
        return 0;
    }
}'
mkdir -p "$work/answers" "$work/prompt" "$work/plain"
printf -- '---\nkind: program\n---\n# Echo\n\nPrint the arguments joined with +.\n' > "$work/prompt/echo.mprompt"
echo "$code" > "$work/answers/Echo.cs"
echo "$code" > "$work/plain/Program.cs"
echo '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup></Project>' > "$work/plain/Plain.csproj"
dotnet build "$work/plain/Plain.csproj" -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null

dotnet "$root/tests/MicroPrompt.ReplayServer/bin/Release/net10.0/MicroPrompt.ReplayServer.dll" --answers "$work/answers" --url-file "$work/url" >/dev/null &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
mprompt="$work/tools/dotnet-mprompt"
echo "resolving the prompt once through the replay server ..."
MICROPROMPT_ENDPOINT="$(cat "$work/url")" MICROPROMPT_MODEL=bench "$mprompt" run "$work/prompt/echo.mprompt" --source "$work/feed" -- a b >/dev/null
kill "$server_pid"; server_pid=

ms() { # wall ms of one command
  local TIMEFORMAT='%R' out
  out=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || { echo "FAILED: $*" >&2; exit 1; }
  echo "$out" | tail -1 | awk '{printf "%d\n", $1 * 1000}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
a=(); b=(); c=()
for _ in $(seq 1 "$runs"); do # alternate so drift hits all alike
  a+=("$(ms "$mprompt" run "$work/prompt/echo.mprompt" -- a b)")
  b+=("$(ms dotnet run --project "$work/plain/Plain.csproj" -- a b)")
  c+=("$(ms dotnet "$work/plain/bin/Debug/net10.0/Plain.dll" a b)")
done
ma=$(printf '%s\n' "${a[@]}" | median); mb=$(printf '%s\n' "${b[@]}" | median); mc=$(printf '%s\n' "${c[@]}" | median)
echo "median of $runs alternating runs, $(nproc) cores:"
printf 'mprompt run (resolved, built)   %6s ms\n' "$ma"
printf 'dotnet run (same code)          %6s ms   ratio mprompt/dotnet-run %s\n' "$mb" "$(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", a / b}')"
printf 'dotnet Plain.dll (no build)     %6s ms\n' "$mc"
