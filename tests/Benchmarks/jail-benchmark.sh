#!/usr/bin/env bash
# Jailed (bubblewrap) vs plain example harness on the 40 bench tasks' reference solutions: harness start and time per
# example (examples only: compiling is the same in both and left out), modes alternating, after one warm-up round, median of the rounds.
# Target: per example ≤ 1.2× the plain harness. Needs Linux with bubblewrap (apt-get install bubblewrap).
#   bash tests/Benchmarks/jail-benchmark.sh [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
dotnet build -c Release -nodeReuse:false -v:q -nologo src/MicroPrompt.ExampleHost >/dev/null
dotnet run -c Release --project tests/Benchmarks/JailBenchmark -- "${1:-5}"
