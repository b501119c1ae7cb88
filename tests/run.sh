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

log=$(mktemp)
trap 'rm -f "$log"' EXIT

set +e
dotnet test MicroPrompt.Sdk.sln 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over every test assembly ("Passed!  - Failed: F, Passed: P, ..." per assembly).
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
