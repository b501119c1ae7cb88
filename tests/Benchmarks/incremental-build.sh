#!/usr/bin/env bash
# Benchmark (issues: foundation, #14): build overhead of MicroPrompt on a 100-prompt project whose prompts are all
# resolved, against the same project with the generated code as plain .cs files, measured in the same run, for the SDK
# form (Sdk="MicroPrompt.Sdk/v") and the package-reference form (<PackageReference Include="MicroPrompt.Sdk" …/>).
#   SDK form, no-op incremental build:                       target ratio <= 1.05 (median)
#   SDK form, build after deleting obj/ (resolved):          target ratio <= 1.15 (median)
#   package-reference form, no-op incremental build:         target ratio <= 1.02 (median)
#   package-reference form, build after deleting obj/:       target ratio <= 1.10 (median)
# Usage: bash tests/Benchmarks/incremental-build.sh [runs=7] [prompts=100]
set -euo pipefail
runs=${1:-7}
count=${2:-100}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
export NUGET_PACKAGES="$work/packages" MICROPROMPT_CACHE_DIR="$work/cache"
version="1.0.0-bench.$(date +%s)"

echo "packing MicroPrompt.Sdk $version ..."
dotnet pack "$root/sdk/MicroPrompt.Sdk/MicroPrompt.Sdk.csproj" -c Release -o "$work/feed" -p:Version="$version" -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null
dotnet build "$root/tests/MicroPrompt.ReplayServer" -c Release -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null

mp="$work/mp"; pr="$work/pr"; plain="$work/plain"; answers="$work/answers"
mkdir -p "$mp/Prompts" "$pr" "$plain/Generated" "$answers"
for dir in "$mp" "$pr" "$plain"; do
  cat > "$dir/nuget.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /></packageSources></configuration>
XML
done
props='<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable>'
echo "<Project Sdk=\"MicroPrompt.Sdk/$version\"><PropertyGroup>$props<MicroPromptModel>bench</MicroPromptModel><RootNamespace>Bench</RootNamespace></PropertyGroup></Project>" > "$mp/Bench.csproj"
echo "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>$props<MicroPromptModel>bench</MicroPromptModel><RootNamespace>Bench</RootNamespace></PropertyGroup><ItemGroup><PackageReference Include=\"MicroPrompt.Sdk\" Version=\"$version\" PrivateAssets=\"all\" /></ItemGroup></Project>" > "$pr/Bench.csproj"
echo "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>$props<RootNamespace>Bench</RootNamespace></PropertyGroup></Project>" > "$plain/Bench.csproj"
program='Console.WriteLine(Bench.Prompts.F0.Compute(1));'
echo "$program" > "$mp/Program.cs"; echo "$program" > "$plain/Program.cs"
for i in $(seq 0 $((count - 1))); do
  printf -- '---\nkind: library\n---\n# Function %d\n\nReturn x plus %d.\n\n## Contract\n```csharp\npublic static class F%d { public static int Compute(int x); }\n```\n' "$i" "$i" "$i" > "$mp/Prompts/F$i.mprompt"
  printf 'namespace Bench.Prompts;\n\npublic static class F%d\n{\n    public static int Compute(int x) => x + %d;\n}\n' "$i" "$i" > "$answers/Function $i.cs"
done

dotnet "$root/tests/MicroPrompt.ReplayServer/bin/Release/net10.0/MicroPrompt.ReplayServer.dll" --answers "$answers" --url-file "$work/url" >/dev/null &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
echo "resolving $count prompts through the replay server ..."
dotnet build "$mp/Bench.csproj" -nodeReuse:false -v:quiet -clp:NoSummary -p:MicroPromptLocked=false -p:MicroPromptEndpoint="$(cat "$work/url")" -p:MicroPromptMaxConcurrency=8 >/dev/null
kill "$server_pid"; server_pid=
# The package-reference project gets the same prompts and resolved state: its locked build below proves both forms
# compute the same keys. The plain project gets exactly the code the SDK compiled (including the generated-file headers).
cp -r "$mp/Prompts" "$mp/.microprompt" "$mp/Program.cs" "$pr/"
cp "$mp"/obj/Debug/net10.0/microprompt/g/Prompts/*.g.cs "$plain/Generated/"
dotnet build "$plain/Bench.csproj" -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null

# Prints "<wall ms> <cpu ms>" (cpu = user + sys of the whole process tree: less sensitive to other load on the machine).
ms() {
  local TIMEFORMAT='%R %U %S' out
  out=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || { echo "FAILED: $*" >&2; exit 1; }
  echo "$out" | tail -1 | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
build() { dotnet build "$1/Bench.csproj" -nodeReuse:false -v:quiet -clp:NoSummary -p:MicroPromptLocked=true; }
clean_build() { rm -rf "$1/obj" "$1/bin"; build "$1"; }

measure() { # $1 = label, $2 = function, $3 = target, $4 = the MicroPrompt project
  local aw=() ac=() bw=() bc=() r
  for _ in $(seq 1 "$runs"); do # alternate so drift hits both sides alike
    r=$(ms "$2" "$plain"); bw+=("${r% *}"); bc+=("${r#* }")
    r=$(ms "$2" "$4"); aw+=("${r% *}"); ac+=("${r#* }")
  done
  local maw mbw mac mbc
  maw=$(printf '%s\n' "${aw[@]}" | median); mbw=$(printf '%s\n' "${bw[@]}" | median)
  mac=$(printf '%s\n' "${ac[@]}" | median); mbc=$(printf '%s\n' "${bc[@]}" | median)
  printf '%-52s wall: microprompt %6s ms, plain .cs %6s ms, ratio %s | cpu: %6s ms vs %6s ms, ratio %s | target <= %s\n' \
    "$1" "$maw" "$mbw" "$(awk -v a="$maw" -v b="$mbw" 'BEGIN {printf "%.3f", a / b}')" \
    "$mac" "$mbc" "$(awk -v a="$mac" -v b="$mbc" 'BEGIN {printf "%.3f", a / b}')" "$3"
}
build "$mp" >/dev/null; build "$pr" >/dev/null; build "$plain" >/dev/null
echo "median of $runs alternating runs, $count prompts, $(nproc) cores:"
measure "SDK form: no-op incremental build" build 1.05 "$mp"
measure "SDK form: build after deleting obj/ (resolved)" clean_build 1.15 "$mp"
measure "PackageReference form: no-op incremental build" build 1.02 "$pr"
measure "PackageReference form: build after deleting obj/" clean_build 1.10 "$pr"
