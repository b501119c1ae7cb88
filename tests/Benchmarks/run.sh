#!/usr/bin/env bash
# Generation throughput at concurrency 1, 4, 8 (40 prompts, 500 ms model latency) vs the ideal ceil(N/c) × passes × latency.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Benchmarks/MicroPrompt.Benchmarks -- "$@"
