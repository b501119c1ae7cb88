#!/usr/bin/env bash
# The main job: build samples/QuickStart from its committed resolved state (locked: no model endpoint, no key)
# and run it on the repository's README.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/samples/pack-sdk.sh" "$root/samples/QuickStart"
dotnet build "$root/samples/QuickStart/QuickStart.csproj" -p:MicroPromptLocked=true -nodeReuse:false -clp:NoSummary
echo "--- QuickStart README.md:"
dotnet "$root/samples/QuickStart/bin/Debug/net10.0/QuickStart.dll" "$root/README.md"
