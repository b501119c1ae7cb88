#!/usr/bin/env bash
# Re-creates samples/QuickStart/.microprompt through the real build path: a scripted OpenAI-compatible server on
# 127.0.0.1 replays the hand-written answers in samples/QuickStart.replay/, and an unlocked build with
# MicroPromptRegenerate=true composes the prompts, compile-checks the answers and writes the lock.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/samples/pack-sdk.sh" "$root/samples/QuickStart"
work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$root/tests/MicroPrompt.ReplayServer" -c Release -nodeReuse:false -v:quiet -clp:NoSummary
dotnet "$root/tests/MicroPrompt.ReplayServer/bin/Release/net10.0/MicroPrompt.ReplayServer.dll" \
  --answers "$root/samples/QuickStart.replay" --url-file "$work/url" &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$work/url" ] && break; sleep 0.1; done
endpoint=$(cat "$work/url")
MICROPROMPT_CACHE_DIR="$work/cache" dotnet build "$root/samples/QuickStart/QuickStart.csproj" -nodeReuse:false \
  -p:MicroPromptLocked=false -p:MicroPromptRegenerate=true -p:MicroPromptEndpoint="$endpoint"
echo "resolved state written to samples/QuickStart/.microprompt — commit it."
