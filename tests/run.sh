#!/usr/bin/env bash
# The test command (README): installs what the tests need (Debian's redis-server, bubblewrap and chromium, when missing), runs every
# test of the solution, and prints one closing line "tests: N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

# redis-server for the shared-cache tests (each test starts its own on a free 127.0.0.1 port and kills it after).
# The package lists are refreshed only when the install cannot find the package.
if ! command -v redis-server >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends redis-server >/dev/null; }
  # Packaging may start a system-wide service; the tests do not use it.
  if command -v service >/dev/null 2>&1; then service redis-server stop >/dev/null 2>&1 || true; fi
fi

# bubblewrap (bwrap) for the example jail (docs/examples.md): the jail tests and the bench grade inside it.
if ! command -v bwrap >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends bubblewrap >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends bubblewrap >/dev/null; }
fi

# Headless Chromium for the HTML report test (Debian package; quiet and idempotent).
if ! command -v chromium >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq chromium >/dev/null 2>&1; } \
    || echo "warning: could not install chromium; the HTML report test will fail saying so" >&2
fi

logs=$(mktemp -d)
# The compiler server serves the solution build and the end-to-end tests' child builds (DotNet.CompilerServer); it is
# shut down however the run ends, so no VBCSCompiler outlives it.
export UseSharedCompilation=true
trap 'dotnet build-server shutdown --vbcscompiler >/dev/null 2>&1 || true; rm -rf "$logs"' EXIT

set +e
dotnet build MicroPrompt.Sdk.sln 2>&1 | tee "$logs/build.log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "tests: 0 passed, 0 failed (the solution did not build)"
  exit 1
fi

# Two lanes side by side: the end-to-end tests (two classes at once, mostly waiting on their child builds;
# ParallelBuilds.cs) in one, the in-process suites one after another in the other. Each lane's output is printed when it ends.
e2e=tests/MicroPrompt.Sdk.Tests/MicroPrompt.Sdk.Tests.csproj
run_lane() {
  local name=$1; shift
  local rc=0
  for project in "$@"; do
    dotnet test "$project" --no-build >>"$logs/$name.log" 2>&1 || rc=1
  done
  echo "$rc" >"$logs/$name.rc"
  cat "$logs/$name.log"
}
others=()
for project in tests/*.Tests/*.Tests.csproj; do
  [ "$project" = "$e2e" ] || others+=("$project")
done
run_lane e2e "$e2e" &
run_lane suites "${others[@]}" &
wait

# One plain closing line over every test assembly ("Passed!  - Failed: F, Passed: P, ..." per assembly).
passed=$(grep -ohE 'Passed: +[0-9]+' "$logs/e2e.log" "$logs/suites.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -ohE 'Failed: +[0-9]+' "$logs/e2e.log" "$logs/suites.log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
if [ "$(cat "$logs/e2e.rc")" != 0 ] || [ "$(cat "$logs/suites.rc")" != 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
