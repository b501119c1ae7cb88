#!/usr/bin/env bash
# CPU and wall time of a locked, all-resolved resolution (obj deleted) of N prompts, each in a fresh process (so the
# JIT and assembly loads count), alternating "parse every prompt" and "skip unchanged prompts"; medians.
#   bash tests/Benchmarks/ResolvedPathBenchmark/run.sh [--prompts 1000] [--runs 7]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dotnet build "$here" -c Release -nodeReuse:false -v:quiet -clp:NoSummary >/dev/null
dotnet "$here/bin/Release/net10.0/ResolvedPathBenchmark.dll" "$@"
