#!/usr/bin/env bash
# The bench's graders measured: every mutant of every task's reference solution graded through the grader-validity
# pipeline (Roslyn compile, the task's examples in the jail). Prints the score table (per task and the suite) and the
# wall time; the survivors with their diffs are in artifacts/mutation/mutation-report.md. Fails when a task falls below
# its score in tests/MicroPrompt.Bench.Tests/Mutation/scores.json. See docs/mutation.md.
# Usage: bash samples/run-mutation.sh            (MICROPROMPT_MUTATION_RECORD=1 also records the new scores)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export MSBUILDDISABLENODEREUSE=1
dotnet build "$root/tests/MicroPrompt.Bench.Tests" -nologo -v q -nodeReuse:false
start=$(date +%s)
status=0
MICROPROMPT_MUTATION_FULL=1 dotnet test "$root/tests/MicroPrompt.Bench.Tests" --no-build -nologo \
  --filter "FullyQualifiedName~MutationScoreTests.Full_run" || status=$?
end=$(date +%s)
report="$root/artifacts/mutation/mutation-report.md"
if [[ -f "$report" ]]; then
  sed -n '/^| task/,/^$/p' "$report"
  echo "survivors and their diffs: $report"
fi
echo "wall time of the mutation run: $((end - start)) s"
exit $status
