#!/usr/bin/env bash
# Two builds of the benchmark (e.g. a checkout of the base commit and this one) alternating on ONE generated project, so
# both see the same load and the same file system state; per build and variant the medians of the child's figures.
#   bash tests/Benchmarks/ResolvedPathBenchmark/paired.sh BASE.dll NEW.dll [--prompts 1000] [--rounds 6]
# (BASE.dll: `git archive <commit> | tar -x -C /tmp/base && dotnet build /tmp/base/tests/Benchmarks/ResolvedPathBenchmark -c Release`.)
set -euo pipefail
base=$1 new=$2; shift 2
prompts=1000 rounds=6
while [ $# -gt 0 ]; do case $1 in --prompts) prompts=$2; shift 2;; --rounds) rounds=$2; shift 2;; *) echo "unknown option $1" >&2; exit 2;; esac; done
dir=$(mktemp -d /tmp/mp-paired-XXXXXX); trap 'rm -rf "$dir"' EXIT
dotnet "$new" --setup "$dir" "$prompts"
out=$(mktemp); trap 'rm -rf "$dir" "$out"' EXIT
for _ in $(seq "$rounds"); do
  for variant in true false; do
    for build in base new; do
      dll=$base; [ "$build" = new ] && dll=$new
      # child lines: wall, phases, cold cpu, warm wall, warm phases, warm cpu, warm user, report cold, report warm
      echo "$build $variant $(dotnet "$dll" --child "$dir" "$prompts" "$variant" | sed -n '1p;3p;4p;6p;7p;8p;9p' | tr '\n' ' ')" >> "$out"
    done
  done
done
python3 - "$out" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
names = ['wall', 'cold_cpu', 'warm_wall', 'warm_cpu', 'warm_user', 'report_cold', 'report_warm']
for variant, label in (('true', 'skip '), ('false', 'parse')):
    for build in ('base', 'new'):
        runs = [list(map(float, r[2:])) for r in rows if r[0] == build and r[1] == variant]
        print(f"{build:4} {label} " + ' '.join(f"{n}={statistics.median(s[i] for s in runs):.0f}" for i, n in enumerate(names)) + ' ms')
PY
