#!/usr/bin/env bash
# Compares models on the benchmark suite (samples/Bench): every task × model × sample in exec and review repair.
# Usage: bash samples/run-bench.sh "<model>[,<model>...]" [samples]
#   The endpoint and provider come from the usual variables (MICROPROMPT_ENDPOINT, MICROPROMPT_PROVIDER; the key from
#   OPENAI_API_KEY, or the variable named by -p:MicroPromptApiKeyVariable). Extra MSBuild arguments go in
#   MICROPROMPT_BENCH_ARGS, e.g. "-p:MicroPromptPriceTable=$PWD/prices.json -p:MicroPromptJudgeModel=gpt-4.1".
# Every run is cached in the user cache (~/.microprompt/cache): running it again, or after Ctrl+C, costs only what is missing.
set -euo pipefail
if [[ $# -lt 1 || -z "$1" ]]; then
  echo "usage: bash samples/run-bench.sh \"<model>[,<model>...]\" [samples]" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/samples/pack-sdk.sh" "$root/samples/Bench"
# shellcheck disable=SC2086 # MICROPROMPT_BENCH_ARGS is a list of arguments
MICROPROMPT_MODELS="$1" MICROPROMPT_SAMPLES="${2:-1}" dotnet build "$root/samples/Bench/Bench.csproj" \
  -p:MicroPromptLocked=false -nodeReuse:false -clp:NoSummary ${MICROPROMPT_BENCH_ARGS:-}
echo "report: $root/samples/Bench/obj/Debug/net10.0/microprompt/report.html"
