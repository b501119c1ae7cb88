#!/usr/bin/env bash
# Benchmark (issues: foundation, #14, #15): build overhead of MicroPrompt on projects whose prompts are all resolved,
# against the same project with the generated code as plain .cs files, measured side by side in the same run, for the
# SDK form (Sdk="MicroPrompt.Sdk/v") and the package-reference form (<PackageReference Include="MicroPrompt.Sdk" …/>,
# measured when the packed SDK ships build/MicroPrompt.Sdk.props).
#   no-op incremental build:             SDK form <= 1.05, package-reference form <= 1.02 (median wall ratio)
#   build after deleting obj/ (resolved): <= 1.05 at 100 prompts, <= 1.10 at 1,000 (both forms); and once more with
#                                        the user cache's copies of the .g.cs files deleted too (case=clean-nocache,
#                                        reported: a machine's first build creates every file instead of linking it)
#   peak working set:                    <= +100 MB over plain (largest process of the build, /usr/bin/time %M)
#   incremental, >= 1,000 prompts:       one prompt changed (regenerated through the replay server) vs one .cs
#                                        file changed in the plain project (reported, no target)
# Every case prints one human line and one machine line:
#   summary prompts=<n> form=<sdk|packageref> case=<noop|clean|clean-nocache|incremental> runs=<n> mp_wall_ms=<n> plain_wall_ms=<n>
#     wall_ratio=<x> mp_cpu_ms=<n> plain_cpu_ms=<n> cpu_ratio=<x> mp_peak_mb=<n> plain_peak_mb=<n> peak_delta_mb=<n>
#     target=<x|none> met=<yes|no|n/a> load=<1-minute load average when the case ended>
# With --baseline <git ref>, the SDK of that commit is packed too and compared with this one side by side (SDK form,
# same prompts and resolved state, runs alternating plain / baseline / this SDK): the clean and no-op cases as above
# (form=sdk-baseline), then the ResolveMicroPrompts task itself from -v:detailed clean builds, one line per variant:
#   summary prompts=<n> form=<sdk|sdk-baseline> case=task runs=<n> task_ms=<median> resolution_ms=<n> parse_ms=<n>
#     levels_ms=<n> report_ms=<n> jit_ms=<n> alloc_mb=<x> gc_pause_ms=<n> gc_gen2=<n> build_cpu_ms=<n> unparsed=<n>
#     load=<1-minute load average at the end>   (alloc_mb, gc_pause_ms, gc_gen2: what the task allocated, the GC pauses
#     while it ran and how many of its collections were gen-2 ones)
# Usage: bash tests/Benchmarks/incremental-build.sh [--runs 7] [--prompts 100,1000] [--incremental-runs 3] [--baseline ref]
#        bash tests/Benchmarks/incremental-build.sh [runs] [prompts]      (the older positional form)
set -euo pipefail
runs=7; prompts=100; incremental_runs=3; baseline=""
if [[ $# -gt 0 && $1 != --* ]]; then runs=$1; prompts=${2:-100}; shift $(( $# >= 2 ? 2 : 1 )); fi
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --prompts) prompts=$2; shift 2 ;;
    --incremental-runs) incremental_runs=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'kill "${server_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
export NUGET_PACKAGES="$work/packages" MICROPROMPT_CACHE_DIR="$work/cache"
version="1.0.0-bench.$(date +%s)"

echo "packing MicroPrompt.Sdk $version ..."
dotnet pack "$root/sdk/MicroPrompt.Sdk/MicroPrompt.Sdk.csproj" -c Release -o "$work/feed" -p:Version="$version" -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null
dotnet build "$root/tests/MicroPrompt.ReplayServer" -c Release -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null
replay="$root/tests/MicroPrompt.ReplayServer/bin/Release/net10.0/MicroPrompt.ReplayServer.dll"
if [[ -n $baseline ]]; then
  base_version="1.0.0-bench-base.$(date +%s)"
  echo "packing MicroPrompt.Sdk $base_version from $baseline ..."
  mkdir -p "$work/baseline-src"
  git -C "$root" archive "$baseline" | tar -x -C "$work/baseline-src"
  dotnet pack "$work/baseline-src/sdk/MicroPrompt.Sdk/MicroPrompt.Sdk.csproj" -c Release -o "$work/feed" -p:Version="$base_version" -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null
fi
packageref=no
# (not `unzip | grep -q`: grep leaving early breaks unzip's pipe, and pipefail then reads "no")
unzip -l "$work/feed/MicroPrompt.Sdk.$version.nupkg" > "$work/nupkg.txt"
grep -q 'build/MicroPrompt.Sdk.props' "$work/nupkg.txt" && packageref=yes

# Prints "<wall ms> <cpu ms> <peak MB>": cpu = user + sys of the whole process tree (less sensitive to other load on
# the machine); peak = the largest resident set of a process of the tree (the MSBuild process doing the work).
ms() {
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' bash -c '"$@"' _ "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }
  tail -1 "$work/time" | awk '{printf "%d %d %d\n", $1 * 1000, ($2 + $3) * 1000, $4 / 1024}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
build() { dotnet build "$1/Bench.csproj" -nodeReuse:false -v:quiet -clp:NoSummary -p:MicroPromptLocked=true; }
clean_build() { rm -rf "$1/obj" "$1/bin"; build "$1"; }
# The same without the user cache's copies of the .g.cs files (a first build on a machine: every file is created, none linked).
clean_build_nocache() { rm -rf "$1/obj" "$1/bin" "$MICROPROMPT_CACHE_DIR/generated"; build "$1"; }
# One item changed: the MicroPrompt side edits a prompt (a new sentence each run, so the key is new and the replay
# server regenerates it), the plain side edits the matching .cs file.
incremental_build() {
  local edit; edit=$(date +%s%N)
  if [[ -f "$1/Generated/F1.g.cs" ]]; then
    echo "// edit $edit" >> "$1/Generated/F1.g.cs"
    build "$1"
  else
    printf 'Edit %s: keep the behaviour.\n' "$edit" >> "$1/Prompts/F1.mprompt"
    dotnet build "$1/Bench.csproj" -nodeReuse:false -v:quiet -clp:NoSummary -p:MicroPromptLocked=false -p:MicroPromptEndpoint="$(cat "$work/url")"
  fi
}
export -f build clean_build clean_build_nocache incremental_build # ms runs them under /usr/bin/time in a child bash
export work

measure() { # $1 = prompts, $2 = form, $3 = case, $4 = function, $5 = target (or none), $6 = the MicroPrompt project, $7 = runs
  local aw=() ac=() am=() bw=() bc=() bm=() r
  for _ in $(seq 1 "$7"); do # alternate so drift hits both sides alike
    r=$(ms "$4" "$plain"); read -r w c m <<<"$r"; bw+=("$w"); bc+=("$c"); bm+=("$m")
    r=$(ms "$4" "$6"); read -r w c m <<<"$r"; aw+=("$w"); ac+=("$c"); am+=("$m")
  done
  local maw mbw mac mbc mam mbm wr met
  maw=$(printf '%s\n' "${aw[@]}" | median); mbw=$(printf '%s\n' "${bw[@]}" | median)
  mac=$(printf '%s\n' "${ac[@]}" | median); mbc=$(printf '%s\n' "${bc[@]}" | median)
  mam=$(printf '%s\n' "${am[@]}" | median); mbm=$(printf '%s\n' "${bm[@]}" | median)
  wr=$(ratio "$maw" "$mbw")
  met=n/a; [[ $5 != none ]] && met=$(awk -v r="$wr" -v t="$5" 'BEGIN {print (r <= t) ? "yes" : "no"}')
  printf '%-5s prompts, %-10s %-12s wall: microprompt %6s ms, plain .cs %6s ms, ratio %s | cpu: %6s vs %6s ms, ratio %s | peak: %5s vs %5s MB | target <= %s\n' \
    "$1" "$2" "$3" "$maw" "$mbw" "$wr" "$mac" "$mbc" "$(ratio "$mac" "$mbc")" "$mam" "$mbm" "$5"
  echo "summary prompts=$1 form=$2 case=$3 runs=$7 mp_wall_ms=$maw plain_wall_ms=$mbw wall_ratio=$wr mp_cpu_ms=$mac plain_cpu_ms=$mbc cpu_ratio=$(ratio "$mac" "$mbc") mp_peak_mb=$mam plain_peak_mb=$mbm peak_delta_mb=$(awk -v a="$mam" -v b="$mbm" 'BEGIN {print a - b}') target=$5 met=$met load=$(cut -d' ' -f1 /proc/loadavg)"
}

# The task's own time in -v:detailed clean builds of the baseline and this SDK, alternating (CPU is the whole build's).
task_times() { # $1 = prompts, $2 = runs
  local variant dir r
  declare -A task resolution parse levels report cpu unparsed jit alloc gcpause gc2
  for _ in $(seq 1 "$2"); do
    for variant in sdk-baseline sdk; do
      dir=$mp; [[ $variant == sdk-baseline ]] && dir=$old
      rm -rf "$dir/obj" "$dir/bin"
      /usr/bin/time -o "$work/time" -f '%U %S' dotnet build "$dir/Bench.csproj" -nodeReuse:false -v:detailed -clp:PerformanceSummary -p:MicroPromptLocked=true > "$work/log" 2>&1 || { echo "FAILED: $variant" >&2; exit 1; }
      r=$(grep -E '^ +[0-9]+ ms +ResolveMicroPrompts' "$work/log" | awk '{print $1}' | tail -1 || true); task[$variant]+="$r "
      r=$(grep -o 'resolution took [0-9]* ms' "$work/log" | awk '{print $3}' | tail -1 || true); resolution[$variant]+="$r "
      r=$(grep -o '(lock read [^)]*' "$work/log" | grep -o 'parse [0-9.]* ms' | awk '{print $2}' | tail -1 || true); parse[$variant]+="$r "
      r=$(grep -o 'levels (wall) [0-9.]* ms' "$work/log" | awk '{print $3}' | tail -1 || true); levels[$variant]+="$r "
      r=$(grep -o 'outputs, report and summary took [0-9]* ms' "$work/log" | awk '{print $6}' | tail -1 || true); report[$variant]+="$r "
      r=$(grep -o 'JIT [0-9]* ms, [0-9]* methods compiled' "$work/log" | awk '{print $2}' | tail -1 || true); jit[$variant]+="${r:-0} "
      r=$(grep -o 'allocated [0-9.]* MB' "$work/log" | awk '{print $2}' | tail -1 || true); alloc[$variant]+="${r:-0} "
      r=$(grep -o ') paused [0-9]* ms' "$work/log" | awk '{print $3}' | tail -1 || true); gcpause[$variant]+="${r:-0} "
      r=$(grep -o 'GC [0-9]*/[0-9]*/[0-9]* (gen' "$work/log" | awk '{split($2, g, "/"); print g[3]}' | tail -1 || true); gc2[$variant]+="${r:-0} "
      r=$(awk '{printf "%d", ($1 + $2) * 1000}' "$work/time"); cpu[$variant]+="$r "
      r=$(grep -o '[0-9]* of [0-9]* prompts planned' "$work/log" | awk '{print $1}' | tail -1 || true); unparsed[$variant]="${r:-0}"
    done
  done
  for variant in sdk-baseline sdk; do
    med() { printf '%s\n' $1 | median; }
    echo "summary prompts=$1 form=$variant case=task runs=$2 task_ms=$(med "${task[$variant]}") resolution_ms=$(med "${resolution[$variant]}") parse_ms=$(med "${parse[$variant]}") levels_ms=$(med "${levels[$variant]}") report_ms=$(med "${report[$variant]}") jit_ms=$(med "${jit[$variant]}") alloc_mb=$(med "${alloc[$variant]}") gc_pause_ms=$(med "${gcpause[$variant]}") gc_gen2=$(med "${gc2[$variant]}") build_cpu_ms=$(med "${cpu[$variant]}") unparsed=${unparsed[$variant]} load=$(cut -d' ' -f1 /proc/loadavg)"
  done
}

start_server() {
  rm -f "$work/url"
  dotnet "$replay" --answers "$answers" --url-file "$work/url" >/dev/null &
  server_pid=$!
  for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
}

bench() { # $1 = prompt count
  local count=$1 base="$work/p$1"
  mp="$base/mp"; pr="$base/pr"; plain="$base/plain"; answers="$base/answers"
  mkdir -p "$mp/Prompts" "$pr" "$plain/Generated" "$answers"
  for dir in "$mp" "$pr" "$plain"; do
    cat > "$dir/nuget.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /></packageSources></configuration>
XML
  done
  local props='<OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable>'
  echo "<Project Sdk=\"MicroPrompt.Sdk/$version\"><PropertyGroup>$props<MicroPromptModel>bench</MicroPromptModel><RootNamespace>Bench</RootNamespace></PropertyGroup></Project>" > "$mp/Bench.csproj"
  echo "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>$props<MicroPromptModel>bench</MicroPromptModel><RootNamespace>Bench</RootNamespace></PropertyGroup><ItemGroup><PackageReference Include=\"MicroPrompt.Sdk\" Version=\"$version\" PrivateAssets=\"all\" /></ItemGroup></Project>" > "$pr/Bench.csproj"
  echo "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup>$props<RootNamespace>Bench</RootNamespace></PropertyGroup></Project>" > "$plain/Bench.csproj"
  local program='Console.WriteLine(Bench.Prompts.F0.Compute(1));'
  echo "$program" > "$mp/Program.cs"; echo "$program" > "$plain/Program.cs"
  for i in $(seq 0 $((count - 1))); do
    printf -- '---\nkind: library\n---\n# Function %d\n\nReturn x plus %d.\n\n## Contract\n```csharp\npublic static class F%d { public static int Compute(int x); }\n```\n' "$i" "$i" "$i" > "$mp/Prompts/F$i.mprompt"
    printf 'namespace Bench.Prompts;\n\npublic static class F%d\n{\n    public static int Compute(int x) => x + %d;\n}\n' "$i" "$i" > "$answers/Function $i.cs"
  done

  start_server
  echo "resolving $count prompts through the replay server ..."
  dotnet build "$mp/Bench.csproj" -nodeReuse:false -v:quiet -clp:NoSummary -p:MicroPromptLocked=false -p:MicroPromptEndpoint="$(cat "$work/url")" -p:MicroPromptMaxConcurrency=8 >/dev/null
  kill "$server_pid"; server_pid=
  # The package-reference project gets the same prompts and resolved state: its locked build below proves both forms
  # compute the same keys. The plain project gets exactly the code the SDK compiled (including the generated-file headers).
  cp -r "$mp/Prompts" "$mp/.microprompt" "$mp/Program.cs" "$pr/"
  cp "$mp"/obj/Debug/net10.0/microprompt/g/Prompts/*.g.cs "$plain/Generated/"

  local clean_target=1.10; [[ $count -le 100 ]] && clean_target=1.05
  build "$mp" >/dev/null; build "$plain" >/dev/null
  echo "median of $runs alternating runs, $count prompts, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg):"
  measure "$count" sdk noop build 1.05 "$mp" "$runs"
  measure "$count" sdk clean clean_build "$clean_target" "$mp" "$runs"
  measure "$count" sdk clean-nocache clean_build_nocache none "$mp" "$runs"
  if [[ $packageref == yes ]]; then
    build "$pr" >/dev/null
    measure "$count" packageref noop build 1.02 "$pr" "$runs"
    measure "$count" packageref clean clean_build "$clean_target" "$pr" "$runs"
  else
    echo "summary prompts=$count form=packageref case=all runs=0 skipped=the-packed-SDK-has-no-build/MicroPrompt.Sdk.props"
  fi
  if [[ -n $baseline ]]; then
    old="$base/old"; mkdir -p "$old"
    cp -r "$mp/Prompts" "$mp/.microprompt" "$mp/Program.cs" "$mp/nuget.config" "$old/"
    sed "s|MicroPrompt.Sdk/$version|MicroPrompt.Sdk/$base_version|" "$mp/Bench.csproj" > "$old/Bench.csproj"
    build "$old" >/dev/null
    measure "$count" sdk-baseline noop build 1.05 "$old" "$runs"
    measure "$count" sdk-baseline clean clean_build "$clean_target" "$old" "$runs"
    task_times "$count" "$runs"
  fi
  if [[ $count -ge 1000 ]]; then
    start_server
    build "$mp" >/dev/null; build "$plain" >/dev/null
    measure "$count" sdk incremental incremental_build none "$mp" "$incremental_runs"
    kill "$server_pid"; server_pid=
  fi
  rm -rf "$base"
}

for count in ${prompts//,/ }; do bench "$count"; done
