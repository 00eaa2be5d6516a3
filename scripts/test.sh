#!/usr/bin/env bash
# The one test command (README, .ci/run): install what the tests need, run every test, and end with
# the plain line "N passed, N failed" counted by the test runner (.ci/run greps it), then "M skipped":
# only tests that need ../shared (public corpora beside the checkout) skip, on a clone without it.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
mkdir -p test-artifacts
rm -f test-artifacts/vitest.json
npx vitest run --reporter=default --reporter=json --outputFile.json=test-artifacts/vitest.json "$@"
status=$?
if [ -f test-artifacts/vitest.json ]; then
  node -e '
    const r = JSON.parse(require("fs").readFileSync("test-artifacts/vitest.json", "utf8"));
    // A file that failed without a failing test (an import error, or a beforeAll that threw, which
    // vitest reports by marking its tests skipped) counts as one failure, and its tests are not "skipped".
    const brokenFile = (s) => s.status === "failed" && !(s.assertionResults || []).some((a) => a.status === "failed");
    const failedSuites = (r.testResults || []).filter(brokenFile).length;
    const skipped = (r.testResults || []).filter((s) => !brokenFile(s)).flatMap((s) => (s.assertionResults || []).filter((a) => a.status === "skipped" || a.status === "pending").map((a) => `${require("path").relative(process.cwd(), s.name)} > ${[...a.ancestorTitles, a.title].join(" > ")}`));
    for (const t of skipped) console.log(`skipped: ${t}`);
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed`);
    console.log(`${skipped.length} skipped`);
    if (r.numTotalTests === 0) process.exitCode = 1;
  ' || status=1
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
