#!/usr/bin/env bash
# `dotnet mprompt status` / `plan` wall time on 100 and 1,000 resolved items (core service + plan estimate; no MSBuild).
set -euo pipefail
cd "$(dirname "$0")/../../.."
if [ $# -eq 0 ]; then set -- 100 1000; fi
dotnet run -c Release --project tests/Benchmarks/ToolStatusBenchmark -- "$@"
