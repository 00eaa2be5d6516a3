#!/usr/bin/env bash
# The one test command (README, .ci/run): install what the tests need, run every test, and end with
# the plain line "N passed, N failed" counted by the test runner.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
mkdir -p test-artifacts
npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@"
status=$?
if [ -f test-artifacts/vitest.json ]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync("test-artifacts/vitest.json", "utf8"));
    const failedSuites = (r.testResults || []).filter((s) => s.status === "failed" && !(s.assertionResults || []).length).length;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed`);
    if (r.numTotalTests === 0) process.exitCode = 1;
  ' || status=1
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
